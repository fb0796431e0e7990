package io.actorscope.discover;

import io.actorscope.actors.Mention;
import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * A discovered mention with the evidence its actor is merged from: the {@link Mention} row's
 * fields plus the name as written at its longest in the article, the title written with it, the
 * country named beside it and the cue that found it.
 */
public class DiscoveredMention extends Mention implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<DiscoveredMention> ENCODER = Encoders.bean(DiscoveredMention.class);

  private String name;
  private String title;
  private String country;
  private String cue;

  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getTitle() { return title; }
  public void setTitle(String v) { title = v; }
  public String getCountry() { return country; }
  public void setCountry(String v) { country = v; }
  public String getCue() { return cue; }
  public void setCue(String v) { cue = v; }

  static DiscoveredMention of(Discoverer.Found f) {
    DiscoveredMention d = new DiscoveredMention();
    Mention m = f.mention;
    d.setArticleId(m.getArticleId());
    d.setDate(m.getDate());
    d.setSource(m.getSource());
    d.setActorId(m.getActorId());
    d.setActorType(m.getActorType());
    d.setSentence(m.getSentence());
    d.setStart(m.getStart());
    d.setEnd(m.getEnd());
    d.setSurface(m.getSurface());
    d.setMatchKind(m.getMatchKind());
    d.setRoleId(m.getRoleId());
    d.setPhrase(m.getPhrase());
    d.setResolvedBy(m.getResolvedBy());
    d.setName(f.name);
    d.setTitle(f.title);
    d.setCountry(f.country);
    d.setCue(f.cue);
    return d;
  }

  /** The row of the mentions table. */
  public Mention toMention() {
    Mention m = new Mention();
    m.setArticleId(getArticleId());
    m.setDate(getDate());
    m.setSource(getSource());
    m.setActorId(getActorId());
    m.setActorType(getActorType());
    m.setSentence(getSentence());
    m.setStart(getStart());
    m.setEnd(getEnd());
    m.setSurface(getSurface());
    m.setMatchKind(getMatchKind());
    m.setRoleId(getRoleId());
    m.setPhrase(getPhrase());
    m.setResolvedBy(getResolvedBy());
    return m;
  }
}
