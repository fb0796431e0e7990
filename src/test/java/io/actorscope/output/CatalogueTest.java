package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.actors.ActorCount;
import io.actorscope.actors.ActorRow;
import io.actorscope.actors.Mention;
import io.actorscope.actors.RoleRow;
import io.actorscope.actors.StaleRole;
import io.actorscope.actors.UnmatchedName;
import io.actorscope.cooccurrence.PairRow;
import io.actorscope.io.Article;
import io.actorscope.io.Quarantine;
import io.actorscope.io.StoryCopy;
import io.actorscope.testing.SharedSpark;
import io.actorscope.topics.DocTopics;
import io.actorscope.topics.TopicQuality;
import io.actorscope.topics.TopicTerm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoder;
import org.junit.jupiter.api.Test;

/** The catalogue against the row beans the stages write and against README's table reference. */
class CatalogueTest {

  @Test
  void readmeTableReferenceIsTheCatalogue() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int a = readme.indexOf("<!-- tables:begin");
    int b = readme.indexOf("<!-- tables:end -->");
    assertTrue(a >= 0 && b > a, "README has the generated table reference between its markers");
    String inReadme = readme.substring(readme.indexOf('\n', a) + 1, b);
    assertEquals(Catalogue.markdown(), inReadme,
        "README's table reference differs from the catalogue: paste the output of `scripts/actorscope tables`");
  }

  @Test
  void everyBeanTableListsTheBeansColumnsInOrder() {
    Map<TableSpec, Encoder<?>> beans = Map.ofEntries(Map.entry(Catalogue.ARTICLES, Article.ENCODER),
        Map.entry(Catalogue.MENTIONS, Mention.ENCODER), Map.entry(Catalogue.ACTOR_COUNTS, ActorCount.ENCODER),
        Map.entry(Catalogue.COOCCURRENCE, PairRow.ENCODER), Map.entry(Catalogue.TOPICS, TopicTerm.ENCODER),
        Map.entry(Catalogue.DOC_TOPICS, DocTopics.ENCODER), Map.entry(Catalogue.ACTORS, ActorRow.ENCODER),
        Map.entry(Catalogue.ROLES, RoleRow.ENCODER), Map.entry(Catalogue.UNMATCHED_NAMES, UnmatchedName.ENCODER),
        Map.entry(Catalogue.STALE_ROLES, StaleRole.ENCODER), Map.entry(Catalogue.TOPIC_QUALITY, TopicQuality.ENCODER),
        Map.entry(Catalogue.QUARANTINE, Quarantine.ENCODER), Map.entry(Catalogue.STORY_COPIES, StoryCopy.ENCODER));
    beans.forEach((spec, enc) -> {
      List<String> written = new ArrayList<>(List.of(Tables.snake(SharedSpark.spark().emptyDataset(enc)).columns()));
      List<String> expected = new ArrayList<>(spec.columnNames());
      String partition = spec.layout().partitionColumn();
      if (partition != null) { // a partition column is a folder name, last where readers put it
        written.remove(partition);
        expected.remove(partition);
        assertEquals(partition, spec.columnNames().get(spec.columnNames().size() - 1), spec.name());
      }
      assertEquals(expected, written, spec.name());
    });
  }

  @Test
  void namesAreUniqueAndEveryParquetTableHasColumns() {
    assertEquals(Catalogue.ALL.size(), Catalogue.ALL.stream().map(TableSpec::name).distinct().count());
    for (TableSpec t : Catalogue.ALL) {
      assertEquals(t.isParquet(), !t.columns().isEmpty(), t.name());
    }
  }
}
