package io.actorscope.topics;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code topics} table: one of a topic's top terms. */
public class TopicTerm implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<TopicTerm> ENCODER = Encoders.bean(TopicTerm.class);

  private String modelId;
  private int topic;
  /** 1 = the topic's heaviest term. */
  private int rank;
  private String term;
  /** The term's probability in the topic. */
  private double weight;
  /** The topic's human-readable label: its heaviest terms, joined by " / ". */
  private String label;

  public String getModelId() { return modelId; }
  public void setModelId(String v) { modelId = v; }
  public int getTopic() { return topic; }
  public void setTopic(int v) { topic = v; }
  public int getRank() { return rank; }
  public void setRank(int v) { rank = v; }
  public String getTerm() { return term; }
  public void setTerm(String v) { term = v; }
  public double getWeight() { return weight; }
  public void setWeight(double v) { weight = v; }
  public String getLabel() { return label; }
  public void setLabel(String v) { label = v; }
}
