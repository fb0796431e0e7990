package io.actorscope.topics;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * A row of the {@code topic_quality} table: one topic's coherence over the run's articles, with the
 * model's log-perplexity on them (the same on every row of a model).
 */
public class TopicQuality implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<TopicQuality> ENCODER = Encoders.bean(TopicQuality.class);

  private String modelId;
  private int topic;
  /** The topic's top terms, the same label as in the topics table. */
  private String label;
  /** How many top terms the coherence is computed over. */
  private int topN;
  /** NPMI over boolean sliding windows of {@link #window} tokens (gensim c_npmi). */
  private double npmiWindow;
  /** NPMI over whole documents. */
  private double npmiDocument;
  /** UMass (gensim u_mass), over documents. */
  private double umass;
  private int window;
  /** Per-token log-perplexity of the scored articles under their inferred mixtures, −Σ log p(w) / tokens (lower is better). */
  private double logPerplexity;
  /** Articles the scores were computed over. */
  private long documents;

  public String getModelId() { return modelId; }
  public void setModelId(String v) { modelId = v; }
  public int getTopic() { return topic; }
  public void setTopic(int v) { topic = v; }
  public String getLabel() { return label; }
  public void setLabel(String v) { label = v; }
  public int getTopN() { return topN; }
  public void setTopN(int v) { topN = v; }
  public double getNpmiWindow() { return npmiWindow; }
  public void setNpmiWindow(double v) { npmiWindow = v; }
  public double getNpmiDocument() { return npmiDocument; }
  public void setNpmiDocument(double v) { npmiDocument = v; }
  public double getUmass() { return umass; }
  public void setUmass(double v) { umass = v; }
  public int getWindow() { return window; }
  public void setWindow(int v) { window = v; }
  public double getLogPerplexity() { return logPerplexity; }
  public void setLogPerplexity(double v) { logPerplexity = v; }
  public long getDocuments() { return documents; }
  public void setDocuments(long v) { documents = v; }
}
