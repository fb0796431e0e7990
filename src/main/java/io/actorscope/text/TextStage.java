package io.actorscope.text;

import io.actorscope.Plans;
import static org.apache.spark.sql.functions.col;

import io.actorscope.Stage;
import io.actorscope.config.ConfigException;
import io.actorscope.config.JobConfig;
import io.actorscope.io.Article;
import io.actorscope.io.IngestStage;
import io.actorscope.io.LanguageDetection;
import io.actorscope.output.Catalogue;
import io.actorscope.output.RunManifest;
import io.actorscope.output.RunOutput;
import io.actorscope.output.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Text: sentences, tokens and terms of every accepted article (written to {@code articles}); then which
 * of them the later stages analyse (the languages of {@code language.analyze}) and count (with
 * {@code near_duplicates.count: story}, each story's first copy only).
 */
public final class TextStage implements Stage {

  public record Settings(List<String> analyze, boolean analyzeUndetermined, IngestStage.CountPer countPer) {
    public Settings {
      analyze = List.copyOf(analyze);
      for (String l : analyze) {
        if (l == null || !l.matches("[a-z]{2}|und")) {
          throw new ConfigException("language.analyze", "'" + l + "' is not an ISO 639-1 code (two lower-case letters)");
        }
      }
    }

    public static Settings from(JobConfig c) {
      IngestStage.CountPer per = c.nearDuplicates.enabled
          ? IngestStage.Settings.from(c, List.of()).countPer() : IngestStage.CountPer.COPY;
      return new Settings(c.language.analyze, c.language.analyzeUndetermined, per);
    }

    /** Whether articles detected as {@code lang} are analysed. */
    boolean analyzes(String lang) {
      return analyze.contains(lang) || (analyzeUndetermined && LanguageDetection.UNDETERMINED.equals(lang));
    }
  }

  /**
   * @param all every accepted article, analysed (cached; {@link #release()} when done)
   * @param analyzed those in an analysed language (and those never detected)
   * @param counted those of {@code analyzed} that count: all of them, or each story's first copy
   */
  public record Result(Dataset<AnalyzedArticle> all, Dataset<AnalyzedArticle> analyzed,
      Dataset<AnalyzedArticle> counted, Map<String, Long> byDate, Map<String, Long> byLang, long notAnalyzed,
      Settings settings) implements Stage.Result {
    public void release() {
      all.unpersist();
    }

    @Override
    public void report(RunManifest m) {
      m.put("articles_by_date", byDate);
      m.counts().put("articles_by_lang", byLang);
      m.counts().put("not_analyzed_language", notAnalyzed);
      m.put("languages_analyzed", settings.analyze);
      m.put("counted_per", settings.countPer == IngestStage.CountPer.STORY ? "story" : "copy");
    }
  }

  private final Settings settings;

  public TextStage(Settings settings) {
    this.settings = settings;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public String description() {
    return "sentences, tokens and terms; write articles";
  }

  @Override
  public List<TableSpec> tables() {
    return List.of(Catalogue.ARTICLES);
  }

  public Result run(Dataset<Article> articles) {
    Dataset<AnalyzedArticle> all = Plans.persistCut(
        TextAnalyzer.analyze(articles), AnalyzedArticle.ENCODER);
    Map<String, Long> byDate = new TreeMap<>();
    for (Row r : all.groupBy("date").count().collectAsList()) {
      byDate.put(String.valueOf(r.get(0)), r.getLong(1));
    }
    Map<String, Long> byLang = new TreeMap<>();
    long notAnalyzed = 0;
    for (Row r : all.groupBy("lang").count().collectAsList()) {
      String lang = r.isNullAt(0) ? "not_detected" : r.getString(0);
      byLang.put(lang, r.getLong(1));
      if (!r.isNullAt(0) && !settings.analyzes(lang)) {
        notAnalyzed += r.getLong(1);
      }
    }
    Dataset<AnalyzedArticle> analyzed = all;
    if (notAnalyzed > 0) {
      List<String> langs = new ArrayList<>(settings.analyze);
      if (settings.analyzeUndetermined) {
        langs.add(LanguageDetection.UNDETERMINED);
      }
      analyzed = all.filter(col("lang").isNull().or(col("lang").isin(langs.toArray())));
    }
    Dataset<AnalyzedArticle> counted = settings.countPer == IngestStage.CountPer.STORY
        ? analyzed.filter(col("storyId").equalTo(col("id"))) : analyzed;
    return new Result(all, analyzed, counted, byDate, byLang, notAnalyzed, settings);
  }

  /** Writes {@code articles}: every accepted article, analysed or not. */
  public void write(Result r, RunOutput out) {
    out.write(Catalogue.ARTICLES, r.all.select(articleColumns()).as(Article.ENCODER));
  }

  /** The columns of the articles table: every {@link Article} property, in its order. */
  private static org.apache.spark.sql.Column[] articleColumns() {
    return java.util.Arrays.stream(Article.ENCODER.schema().fieldNames())
        .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }
}
