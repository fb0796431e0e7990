package io.actorscope.io;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code story_copies} table: one pair of near-duplicate articles, the later one first. */
public class StoryCopy implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<StoryCopy> ENCODER = Encoders.bean(StoryCopy.class);

  private String articleId;
  private String copyOf;
  private String storyId;
  private double jaccard;
  private LocalDate date;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public String getCopyOf() { return copyOf; }
  public void setCopyOf(String v) { copyOf = v; }
  public String getStoryId() { return storyId; }
  public void setStoryId(String v) { storyId = v; }
  public double getJaccard() { return jaccard; }
  public void setJaccard(double v) { jaccard = v; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
}
