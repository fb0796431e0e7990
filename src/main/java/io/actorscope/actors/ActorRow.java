package io.actorscope.actors;

import io.actorscope.actors.DictionaryModel.ActorDef;
import io.actorscope.actors.DictionaryModel.AliasDef;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code actors} table: the dictionary as rows, for joins. */
public class ActorRow implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<ActorRow> ENCODER = Encoders.bean(ActorRow.class);

  private String actorId;
  private String type;
  private String name;
  private String country;
  private String[] aliases;
  private String[] demonyms;
  private String[] metonyms;

  public static ActorRow of(ActorDef a) {
    ActorRow r = new ActorRow();
    r.actorId = a.id;
    r.type = a.type;
    r.name = a.name;
    r.country = a.country;
    r.aliases = texts(a.aliases);
    r.demonyms = texts(a.demonyms);
    r.metonyms = texts(a.metonyms);
    return r;
  }

  private static String[] texts(List<AliasDef> xs) {
    return xs.stream().map(x -> x.text).toArray(String[]::new);
  }

  public String getActorId() { return actorId; }
  public void setActorId(String v) { actorId = v; }
  public String getType() { return type; }
  public void setType(String v) { type = v; }
  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getCountry() { return country; }
  public void setCountry(String v) { country = v; }
  public String[] getAliases() { return aliases; }
  public void setAliases(String[] v) { aliases = v; }
  public String[] getDemonyms() { return demonyms; }
  public void setDemonyms(String[] v) { demonyms = v; }
  public String[] getMetonyms() { return metonyms; }
  public void setMetonyms(String[] v) { metonyms = v; }
}
