package io.actorscope.topics;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code doc_topics} table: one article's topic mixture. */
public class DocTopics implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<DocTopics> ENCODER = Encoders.bean(DocTopics.class);

  private String articleId;
  private LocalDate date;
  private String source;
  private String modelId;
  /** Probability of each topic, indexed by topic number; all zero for an article with no known terms. */
  private double[] mixture;
  /** The heaviest topic, null when the article has no term in the vocabulary. */
  private Integer dominantTopic;
  private Double dominantWeight;
  /** Terms of the article that are in the model's vocabulary. */
  private int terms;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getModelId() { return modelId; }
  public void setModelId(String v) { modelId = v; }
  public double[] getMixture() { return mixture; }
  public void setMixture(double[] v) { mixture = v; }
  public Integer getDominantTopic() { return dominantTopic; }
  public void setDominantTopic(Integer v) { dominantTopic = v; }
  public Double getDominantWeight() { return dominantWeight; }
  public void setDominantWeight(Double v) { dominantWeight = v; }
  public int getTerms() { return terms; }
  public void setTerms(int v) { terms = v; }
}
