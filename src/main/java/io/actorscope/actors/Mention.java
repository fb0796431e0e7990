package io.actorscope.actors;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code mentions} table: one actor named at one place in one article. */
public class Mention implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<Mention> ENCODER = Encoders.bean(Mention.class);

  private String articleId;
  private LocalDate date;
  private String source;
  private String actorId;
  private String actorType;
  private int sentence;
  /** Offsets [start, end) into the article's stored text, in Unicode code points. */
  private int start;
  private int end;
  /** The text as written, {@code text.substring(start, end)}. */
  private String surface;
  /** alias | metonym | demonym | role | role_unfilled */
  private String matchKind;
  /** The role matched, for role and role_unfilled mentions. */
  private String roleId;
  /** The dictionary phrase that matched. */
  private String phrase;
  /**
   * How the actor was found: alias (a dictionary phrase), role_holder, role_name (a name after a
   * role), title_antecedent, surname, surname_unique, fuzzy. See {@link ActorMatcher}.
   */
  private String resolvedBy;

  public String getArticleId() { return articleId; }
  public void setArticleId(String v) { articleId = v; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate v) { date = v; }
  public String getSource() { return source; }
  public void setSource(String v) { source = v; }
  public String getActorId() { return actorId; }
  public void setActorId(String v) { actorId = v; }
  public String getActorType() { return actorType; }
  public void setActorType(String v) { actorType = v; }
  public int getSentence() { return sentence; }
  public void setSentence(int v) { sentence = v; }
  public int getStart() { return start; }
  public void setStart(int v) { start = v; }
  public int getEnd() { return end; }
  public void setEnd(int v) { end = v; }
  public String getSurface() { return surface; }
  public void setSurface(String v) { surface = v; }
  public String getMatchKind() { return matchKind; }
  public void setMatchKind(String v) { matchKind = v; }
  public String getRoleId() { return roleId; }
  public void setRoleId(String v) { roleId = v; }
  public String getPhrase() { return phrase; }
  public void setPhrase(String v) { phrase = v; }
  public String getResolvedBy() { return resolvedBy; }
  public void setResolvedBy(String v) { resolvedBy = v; }
}
