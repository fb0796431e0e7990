package io.actorscope.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The stale-role check: roles whose last holder's term has ended per the dictionary while the
 * role keeps being mentioned with no current holder, i.e. role_unfilled mentions dated after the
 * last term's end.
 */
public final class StaleRoles {
  private StaleRoles() {}

  public static List<StaleRole> find(Dataset<Mention> mentions, Dictionary dictionary) {
    Map<String, Integer> ended = new HashMap<>();
    for (Dictionary.Role r : dictionary.roles.values()) {
      int last = r.to.length - 1;
      if (last >= 0 && r.to[last] != Long.MAX_VALUE) {
        ended.put(r.id, last);
      }
    }
    List<StaleRole> out = new ArrayList<>();
    if (ended.isEmpty()) {
      return out;
    }
    org.apache.spark.sql.Column after = null;
    for (Map.Entry<String, Integer> e : ended.entrySet()) {
      Dictionary.Role r = dictionary.roles.get(e.getKey());
      org.apache.spark.sql.Column c = col("roleId").equalTo(r.id)
          .and(col("date").gt(org.apache.spark.sql.functions.lit(LocalDate.ofEpochDay(r.to[e.getValue()]))));
      after = after == null ? c : after.or(c);
    }
    List<Row> rows = mentions.filter(col("matchKind").equalTo(Dictionary.ROLE_UNFILLED).and(after))
        .groupBy("roleId")
        .agg(count("*"), count_distinct(col("articleId")), min("date"), max("date"))
        .orderBy(col("roleId"))
        .collectAsList(); // one row per role at most
    for (Row row : rows) {
      Dictionary.Role r = dictionary.roles.get(row.getString(0));
      int last = ended.get(r.id);
      StaleRole s = new StaleRole();
      s.setRoleId(r.id);
      s.setBody(r.body);
      s.setLastHolder(r.holder[last]);
      s.setTermEnded(LocalDate.ofEpochDay(r.to[last]));
      s.setMentionsAfter(row.getLong(1));
      s.setArticlesAfter(row.getLong(2));
      s.setFirstDate(io.actorscope.output.Tables.localDate(row.get(3)));
      s.setLastDate(io.actorscope.output.Tables.localDate(row.get(4)));
      out.add(s);
    }
    return out;
  }
}
