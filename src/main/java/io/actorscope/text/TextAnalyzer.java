package io.actorscope.text;

import io.actorscope.io.Article;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;

/** Text stage: articles to tokens, sentences and topic-model terms. */
public final class TextAnalyzer {
  private TextAnalyzer() {}

  public static Dataset<AnalyzedArticle> analyze(Dataset<Article> articles, int minTermLength) {
    return articles.map(new Analyze(minTermLength), AnalyzedArticle.ENCODER);
  }

  /** Tokenizes one article. */
  static final class Analyze implements MapFunction<Article, AnalyzedArticle> {
    private static final long serialVersionUID = 1L;
    private final int minTermLength;

    Analyze(int minTermLength) {
      this.minTermLength = minTermLength;
    }

    @Override
    public AnalyzedArticle call(Article a) {
      return analyze(a, minTermLength);
    }
  }

  /** A bare article (for tests and callers that have only these fields). */
  public static AnalyzedArticle analyze(String id, java.time.LocalDate date, String source, String text, int minTermLength) {
    Article a = new Article();
    a.setId(id);
    a.setDate(date);
    a.setSource(source);
    a.setText(text);
    a.setChars(text.length());
    return analyze(a, minTermLength);
  }

  public static AnalyzedArticle analyze(Article a, int minTermLength) {
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
    out.setTerms(Tokenizer.terms(text, r, minTermLength).toArray(new String[0]));
    return out;
  }
}
