package io.actorscope.text;

import java.io.Serializable;
import io.actorscope.io.Article;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * An article with its tokens and sentences (parallel offset arrays into {@link #getText()}). The
 * topic model's terms are not kept here: only the topics stage reads them, and a String per word,
 * cached and decoded again by every later pass over the articles, cost the UNGDC run about a quarter
 * of the text stage's task time ({@link io.actorscope.topics.TopicTokens} derives them from the tokens).
 */
public class AnalyzedArticle extends Article implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<AnalyzedArticle> ENCODER = Encoders.bean(AnalyzedArticle.class);

  private int[] tokenStart;
  private int[] tokenEnd;
  private int[] tokenKind;
  private int[] tokenSentence;
  private int[] sentenceStart;
  private int[] sentenceEnd;

  public int[] getTokenStart() { return tokenStart; }
  public void setTokenStart(int[] v) { tokenStart = v; }
  public int[] getTokenEnd() { return tokenEnd; }
  public void setTokenEnd(int[] v) { tokenEnd = v; }
  public int[] getTokenKind() { return tokenKind; }
  public void setTokenKind(int[] v) { tokenKind = v; }
  public int[] getTokenSentence() { return tokenSentence; }
  public void setTokenSentence(int[] v) { tokenSentence = v; }
  public int[] getSentenceStart() { return sentenceStart; }
  public void setSentenceStart(int[] v) { sentenceStart = v; }
  public int[] getSentenceEnd() { return sentenceEnd; }
  public void setSentenceEnd(int[] v) { sentenceEnd = v; }

  /** The token arrays as a {@link Tokenizer.Result}. */
  public Tokenizer.Result tokens() {
    return new Tokenizer.Result(tokenStart, tokenEnd, tokenKind, tokenSentence, sentenceStart, sentenceEnd);
  }
}
