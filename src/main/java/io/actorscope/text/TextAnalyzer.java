package io.actorscope.text;

import io.actorscope.io.Article;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;

/** Text stage: articles to tokens and sentences. */
public final class TextAnalyzer {
  private TextAnalyzer() {}

  public static Dataset<AnalyzedArticle> analyze(Dataset<Article> articles) {
    return articles.map(new Analyze(), AnalyzedArticle.ENCODER);
  }

  /** Tokenizes one article. */
  static final class Analyze implements MapFunction<Article, AnalyzedArticle> {
    private static final long serialVersionUID = 1L;

    @Override
    public AnalyzedArticle call(Article a) {
      return analyze(a);
    }
  }

  /** A bare article (for tests and callers that have only these fields). */
  public static AnalyzedArticle analyze(String id, java.time.LocalDate date, String source, String text) {
    Article a = new Article();
    a.setId(id);
    a.setDate(date);
    a.setSource(source);
    a.setText(text);
    a.setChars(text.length());
    return analyze(a);
  }

  public static AnalyzedArticle analyze(Article a) {
    String text = a.getText();
    Tokenizer.Result r = Tokenizer.tokenize(text);
    AnalyzedArticle out = new AnalyzedArticle();
    out.copyFrom(a);
    out.setSentences(r.sentenceStart.length);
    out.setTokens(r.size());
    out.setTokenStart(r.tokenStart);
    out.setTokenEnd(r.tokenEnd);
    out.setTokenKind(r.tokenKind);
    out.setTokenSentence(r.tokenSentence);
    out.setSentenceStart(r.sentenceStart);
    out.setSentenceEnd(r.sentenceEnd);
    return out;
  }
}
