package io.actorscope.actors;

import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/**
 * A row of the {@code stale_roles} table: a role whose last holder on record left office, still
 * mentioned after that with nobody to resolve to — the dictionary needs the successor.
 */
public class StaleRole implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<StaleRole> ENCODER = Encoders.bean(StaleRole.class);

  private String roleId;
  private String body;
  private String lastHolder;
  private LocalDate termEnded;
  /** Role mentions dated after termEnded, left on the body (role_unfilled). */
  private long mentionsAfter;
  private long articlesAfter;
  private LocalDate firstDate;
  private LocalDate lastDate;

  public String getRoleId() { return roleId; }
  public void setRoleId(String v) { roleId = v; }
  public String getBody() { return body; }
  public void setBody(String v) { body = v; }
  public String getLastHolder() { return lastHolder; }
  public void setLastHolder(String v) { lastHolder = v; }
  public LocalDate getTermEnded() { return termEnded; }
  public void setTermEnded(LocalDate v) { termEnded = v; }
  public long getMentionsAfter() { return mentionsAfter; }
  public void setMentionsAfter(long v) { mentionsAfter = v; }
  public long getArticlesAfter() { return articlesAfter; }
  public void setArticlesAfter(long v) { articlesAfter = v; }
  public LocalDate getFirstDate() { return firstDate; }
  public void setFirstDate(LocalDate v) { firstDate = v; }
  public LocalDate getLastDate() { return lastDate; }
  public void setLastDate(LocalDate v) { lastDate = v; }
}
