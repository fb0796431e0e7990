package io.actorscope.actors;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code actor_counts} table: per date, source and actor. */
public class ActorCount implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<ActorCount> ENCODER = Encoders.bean(ActorCount.class);

  private LocalDate date;
  private String source;
  private String actorId;
  private String actorType;
  private long mentions;
  private long articles;

  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getActorId() { return actorId; }
  public void setActorId(String v) { actorId = v; }
  public String getActorType() { return actorType; }
  public void setActorType(String v) { actorType = v; }
  public long getMentions() { return mentions; }
  public void setMentions(long v) { mentions = v; }
  public long getArticles() { return articles; }
  public void setArticles(long v) { articles = v; }
}
