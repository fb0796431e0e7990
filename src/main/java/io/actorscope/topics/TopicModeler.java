package io.actorscope.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import io.actorscope.config.JobConfig;
import io.actorscope.config.Resources;
import io.actorscope.text.AnalyzedArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Topics stage: stop words removed, terms counted (CountVectorizer with min/max document
 * frequency), then online LDA. Articles whose terms are all outside the vocabulary are left out of
 * fitting and get an all-zero mixture with no dominant topic.
 */
public final class TopicModeler {

  /** The fitted model and its tables; {@link #skipped} says why there is none. */
  public static final class Result {
    public final Dataset<TopicTerm> topics;
    public final Dataset<DocTopics> docTopics;
    public final PipelineModel features;
    public final LDAModel lda;
    public final String skipped;
    public final long documents;
    public final int vocabulary;

    Result(Dataset<TopicTerm> topics, Dataset<DocTopics> docTopics, PipelineModel features, LDAModel lda,
        String skipped, long documents, int vocabulary) {
      this.topics = topics;
      this.docTopics = docTopics;
      this.features = features;
      this.lda = lda;
      this.skipped = skipped;
      this.documents = documents;
      this.vocabulary = vocabulary;
    }
  }

  private TopicModeler() {}

  public static Result fit(Dataset<AnalyzedArticle> articles, JobConfig.Topics cfg, String modelId) {
    String[] stop = stopWords(cfg.stopwords);
    Dataset<Row> docs = articles.select(col("id"), col("date"), col("source"), col("terms"));
    long withTerms = docs.filter(size(col("terms")).gt(0)).count();
    if (withTerms < cfg.minDocuments) {
      return skipped(articles, "only " + withTerms + " article(s) have terms, fewer than topics.min_documents="
          + cfg.minDocuments, withTerms);
    }
    StopWordsRemover remover = new StopWordsRemover().setInputCol("terms").setOutputCol("kept").setStopWords(stop);
    CountVectorizer vectorizer = new CountVectorizer().setInputCol("kept").setOutputCol("features")
        .setVocabSize(cfg.vocabSize).setMinDF(cfg.minDf).setMaxDF(cfg.maxDf);
    PipelineModel features;
    try {
      features = new Pipeline().setStages(new PipelineStage[] {remover, vectorizer}).fit(docs);
    } catch (IllegalArgumentException e) {
      return skipped(articles, "no vocabulary: " + e.getMessage(), withTerms);
    }
    String[] vocabulary = ((CountVectorizerModel) features.stages()[1]).vocabulary();
    if (vocabulary.length == 0) {
      return skipped(articles, "no term passes topics.min_df/max_df", withTerms);
    }
    UserDefinedFunction nonEmpty = functions.udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);
    Dataset<Row> vectors = features.transform(docs);
    Dataset<Row> training = vectors.filter(nonEmpty.apply(col("features")));
    LDA lda = new LDA().setK(cfg.k).setMaxIter(cfg.maxIter).setOptimizer("online")
        .setSubsamplingRate(cfg.subsamplingRate).setSeed(cfg.seed)
        .setFeaturesCol("features").setTopicDistributionCol("mixture");
    LDAModel model = lda.fit(training);

    List<TopicTerm> terms = new ArrayList<>();
    for (Row r : model.describeTopics(cfg.topTerms).collectAsList()) {
      int topic = r.getInt(0);
      List<Integer> idx = r.getList(1);
      List<Double> w = r.getList(2);
      for (int i = 0; i < idx.size(); i++) {
        TopicTerm t = new TopicTerm();
        t.setModelId(modelId);
        t.setTopic(topic);
        t.setRank(i + 1);
        t.setTerm(vocabulary[idx.get(i)]);
        t.setWeight(w.get(i));
        terms.add(t);
      }
    }
    Dataset<TopicTerm> topics = articles.sparkSession().createDataset(terms, TopicTerm.ENCODER);
    Dataset<DocTopics> docTopics = model.transform(vectors)
        .select("id", "date", "source", "features", "mixture")
        .map(new ToDocTopics(modelId), DocTopics.ENCODER);
    return new Result(topics, docTopics, features, model, null, withTerms, vocabulary.length);
  }

  private static Result skipped(Dataset<AnalyzedArticle> articles, String why, long documents) {
    return new Result(articles.sparkSession().emptyDataset(TopicTerm.ENCODER),
        articles.sparkSession().emptyDataset(DocTopics.ENCODER), null, null, why, documents, 0);
  }

  /** One article's mixture vector to a row. */
  static final class ToDocTopics implements MapFunction<Row, DocTopics> {
    private static final long serialVersionUID = 1L;
    private final String modelId;

    ToDocTopics(String modelId) {
      this.modelId = modelId;
    }

    @Override
    public DocTopics call(Row r) {
      DocTopics d = new DocTopics();
      d.setArticleId(r.getString(0));
      d.setDate(io.actorscope.output.Tables.localDate(r.get(1)));
      d.setSource(r.getString(2));
      d.setModelId(modelId);
      Vector counts = (Vector) r.get(3);
      double[] mix = ((Vector) r.get(4)).toArray();
      double terms = 0;
      for (double v : counts.toSparse().values()) {
        terms += v;
      }
      d.setTerms((int) terms);
      if (counts.numNonzeros() == 0) {
        mix = new double[mix.length]; // no known term: no evidence for any topic
      }
      d.setMixture(mix);
      int best = -1;
      for (int i = 0; i < mix.length; i++) {
        if (mix[i] > 0 && (best < 0 || mix[i] > mix[best])) {
          best = i;
        }
      }
      if (best >= 0 && counts.numNonzeros() > 0) {
        d.setDominantTopic(best);
        d.setDominantWeight(mix[best]);
      }
      return d;
    }
  }

  /** Stop words from `builtin:NAME` (conf/stopwords/NAME.txt) or a file: one per line, # comments. */
  public static String[] stopWords(String ref) {
    List<String> out = new ArrayList<>();
    try (InputStream in = Resources.open(ref, "stopwords/", ".txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String w = line.strip();
        if (!w.isEmpty() && !w.startsWith("#")) {
          out.add(w.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read stop words " + ref + ": " + e.getMessage(), e);
    }
    return out.toArray(new String[0]);
  }
}
