package io.actorscope.actors;

import io.actorscope.actors.DictionaryModel.HolderDef;
import io.actorscope.actors.DictionaryModel.RoleDef;
import java.io.Serializable;
import java.time.LocalDate;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code roles} table: one term of one holder of a dated role. */
public class RoleRow implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<RoleRow> ENCODER = Encoders.bean(RoleRow.class);

  private String roleId;
  private String body;
  private String[] titles;
  private String actorId;
  private LocalDate from;
  /** Last day in office, inclusive; null while in office. */
  private LocalDate to;

  public static RoleRow of(RoleDef r, HolderDef h) {
    RoleRow row = new RoleRow();
    row.roleId = r.id;
    row.body = r.body;
    row.titles = r.titles.toArray(new String[0]);
    row.actorId = h.actor;
    row.from = h.from;
    row.to = h.to;
    return row;
  }

  public String getRoleId() { return roleId; }
  public void setRoleId(String v) { roleId = v; }
  public String getBody() { return body; }
  public void setBody(String v) { body = v; }
  public String[] getTitles() { return titles; }
  public void setTitles(String[] v) { titles = v; }
  public String getActorId() { return actorId; }
  public void setActorId(String v) { actorId = v; }
  public LocalDate getFrom() { return from; }
  public void setFrom(LocalDate v) { from = v; }
  public LocalDate getTo() { return to; }
  public void setTo(LocalDate v) { to = v; }
}
