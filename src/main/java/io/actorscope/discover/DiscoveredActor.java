package io.actorscope.discover;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code discovered_actors} table: one provisional actor over the run. */
public class DiscoveredActor implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<DiscoveredActor> ENCODER = Encoders.bean(DiscoveredActor.class);

  /** 1 = the most mentioned (ties by id). */
  private int rank;
  /** {@code ~TYPE:KEY}, e.g. {@code ~person:brett_mcgurk}. */
  private String actorId;
  /** person | organisation | place */
  private String type;
  /** The name as most often written in its longest form. */
  private String name;
  /** The dictionary country most often named beside it, or null. */
  private String country;
  /** Mentions naming that country (of {@link #mentions}). */
  private long countryMentions;
  private LocalDate firstDate;
  private LocalDate lastDate;
  /** The titles written with it, the most frequent first. */
  private List<String> titles;
  /** The forms written ("Brett McGurk", "McGurk", "Mr McGurk"), the most frequent first (at most 10). */
  private List<String> forms;
  /** The cues that found it, as "cue×count", the most frequent first. */
  private List<String> cues;
  private long mentions;
  private long articles;

  public int getRank() { return rank; }
  public void setRank(int v) { rank = v; }
  public String getActorId() { return actorId; }
  public void setActorId(String v) { actorId = v; }
  public String getType() { return type; }
  public void setType(String v) { type = v; }
  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getCountry() { return country; }
  public void setCountry(String v) { country = v; }
  public long getCountryMentions() { return countryMentions; }
  public void setCountryMentions(long v) { countryMentions = v; }
  public LocalDate getFirstDate() { return firstDate; }
  public void setFirstDate(LocalDate v) { firstDate = v; }
  public LocalDate getLastDate() { return lastDate; }
  public void setLastDate(LocalDate v) { lastDate = v; }
  public List<String> getTitles() { return titles; }
  public void setTitles(List<String> v) { titles = v; }
  public List<String> getForms() { return forms; }
  public void setForms(List<String> v) { forms = v; }
  public List<String> getCues() { return cues; }
  public void setCues(List<String> v) { cues = v; }
  public long getMentions() { return mentions; }
  public void setMentions(long v) { mentions = v; }
  public long getArticles() { return articles; }
  public void setArticles(long v) { articles = v; }
}
