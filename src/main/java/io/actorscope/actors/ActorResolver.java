package io.actorscope.actors;

import io.actorscope.text.AnalyzedArticle;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;

/** Actors stage: tokenized articles to mentions, with the dictionary broadcast once. */
public final class ActorResolver {
  private ActorResolver() {}

  public static Dataset<Mention> resolve(Dataset<AnalyzedArticle> articles, Broadcast<Dictionary> dictionary,
      List<String> matchKinds) {
    return articles.mapPartitions(new MatchPartition(dictionary, new HashSet<>(matchKinds)), Mention.ENCODER);
  }

  /** Matches the articles of one partition. */
  static final class MatchPartition implements MapPartitionsFunction<AnalyzedArticle, Mention> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<Dictionary> dictionary;
    private final Set<String> kinds;

    MatchPartition(Broadcast<Dictionary> dictionary, Set<String> kinds) {
      this.dictionary = dictionary;
      this.kinds = kinds;
    }

    @Override
    public Iterator<Mention> call(Iterator<AnalyzedArticle> articles) {
      ActorMatcher matcher = new ActorMatcher(dictionary.value(), kinds);
      return new Iterator<>() {
        Iterator<Mention> current = java.util.Collections.emptyIterator();

        @Override
        public boolean hasNext() {
          while (!current.hasNext() && articles.hasNext()) {
            current = matcher.match(articles.next()).iterator();
          }
          return current.hasNext();
        }

        @Override
        public Mention next() {
          hasNext();
          return current.next();
        }
      };
    }
  }

}
