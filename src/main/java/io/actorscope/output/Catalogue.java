package io.actorscope.output;

import static io.actorscope.output.TableSpec.Layout.BY_BATCH;
import static io.actorscope.output.TableSpec.Layout.BY_DATE;
import static io.actorscope.output.TableSpec.Layout.FILES;
import static io.actorscope.output.TableSpec.Layout.WHOLE;

import java.util.List;
import java.util.Optional;

/**
 * Every table the job writes, with what a row is and what each column holds. README's table reference
 * is generated from this ({@code actorscope tables}, checked by a test), the query command lists it, and
 * {@link RunOutput} refuses a write whose columns differ. Adding a table: its stage, its row type, and
 * one entry here.
 */
public final class Catalogue {
  private Catalogue() {}

  public static final TableSpec ARTICLES = TableSpec.of(Tables.ARTICLES, "accepted article", BY_DATE,
      "id", "", "url", "", "source", "", "title", "", "text", "",
      "published", "timestamp, when a time was given",
      "date_precision", "`time`, `day`, `month`, `year` or `approximate`",
      "source_file", "",
      "offset", "byte offset of the line, or Parquet row index, -1 if unknown",
      "text_hash", "de-duplication key",
      "chars", "", "invalid_bytes", "", "sentences", "", "tokens", "",
      "lang", "ISO 639-1, `und`, or empty when not detected",
      "story_id", "the first copy's id; its own id when it has no near-duplicate",
      "date", "");

  public static final TableSpec STORY_COPIES = TableSpec.of("story_copies",
      "pair of near-duplicate articles found by the story search, the later one first", BY_DATE,
      "article_id", "the later copy",
      "copy_of", "the earlier article it was matched with",
      "story_id", "the story both are counted in",
      "jaccard", "of their word-shingle sets, at least `near_duplicates.threshold`",
      "date", "the later copy's");

  public static final TableSpec MENTIONS = TableSpec.of(Tables.MENTIONS, "actor named at one place", BY_DATE,
      "article_id", "", "source", "", "actor_id", "", "actor_type", "",
      "sentence", "0-based",
      "start", "",
      "end", "offsets into `articles.text` in Unicode code points, end exclusive, as DuckDB's, Python's and Spark"
          + " SQL's `substring` count",
      "surface", "the text as written",
      "match_kind", "`alias`, `metonym`, `demonym`, `role` = resolved to the holder on the date, `role_unfilled` ="
          + " no single holder on record, kept on the role's body; an article dated only by year or month resolves a"
          + " role only if one person held it that whole year or month",
      "role_id", "",
      "phrase", "the dictionary phrase matched",
      "resolved_by", "the rule that found the mention (see [Actor dictionaries](#actor-dictionaries))",
      "date", "");

  public static final TableSpec ACTOR_COUNTS = TableSpec.of(Tables.ACTOR_COUNTS, "date × source × actor", BY_DATE,
      "source", "", "actor_id", "", "actor_type", "", "mentions", "",
      "articles", "distinct",
      "date", "");

  public static final TableSpec COOCCURRENCE = TableSpec.of(Tables.COOCCURRENCE,
      "date × scope × unordered actor pair (`actor_a < actor_b`)", BY_DATE,
      "scope", "`article`, `sentence` or `window`",
      "actor_a", "", "actor_b", "",
      "count_ab", "units naming both",
      "count_a", "", "count_b", "units naming each",
      "units", "all units of that scope on that date",
      "pmi", "", "npmi", "", "llr", "see below",
      "expected", "`count_a·count_b/units`",
      "llr_p", "p-value of `llr`",
      "date", "");

  public static final TableSpec TOPICS = TableSpec.of(Tables.TOPICS, "topic × top term", WHOLE,
      "model_id", "", "topic", "",
      "rank", "1 = heaviest",
      "term", "", "weight", "probability in the topic",
      "label", "the topic's heaviest `topics.label_terms` terms joined by ` / `");

  public static final TableSpec DOC_TOPICS = TableSpec.of(Tables.DOC_TOPICS, "article", BY_DATE,
      "article_id", "", "source", "", "model_id", "",
      "mixture", "probability per topic, indexed by topic",
      "dominant_topic", "", "dominant_weight", "null when no term of the article is in the vocabulary",
      "terms", "vocabulary terms in the article",
      "date", "");

  public static final TableSpec ACTORS = TableSpec.of(Tables.ACTORS, "dictionary actor", WHOLE,
      "actor_id", "", "type", "", "name", "", "country", "", "aliases", "", "demonyms", "", "metonyms", "");

  public static final TableSpec ROLES = TableSpec.of(Tables.ROLES, "term of office", WHOLE,
      "role_id", "", "body", "", "titles", "", "actor_id", "", "from", "",
      "to", "inclusive; null while in office");

  public static final TableSpec QUARANTINE = TableSpec.of(Tables.QUARANTINE, "unusable record", BY_BATCH,
      "source_file", "", "offset", "", "id", "", "reason", "", "detail", "", "snippet", "",
      "batch", "partition: one per set of inputs, so a rerun replaces it");

  public static final TableSpec UNMATCHED_NAMES = TableSpec.of(Tables.UNMATCHED_NAMES,
      "capitalised name no actor matched, over the run", WHOLE,
      "rank", "1 = most worth adding",
      "name", "as most often written",
      "name_key", "",
      "mentions", "not at a sentence start",
      "sentence_initial", "", "articles", "",
      "lower_case", "the same words in lower case",
      "common_phrase", "`lower_case` ≥ a tenth",
      "looks_like", "`name`, then `document_or_event` — a treaty, event or generic word such as \"Paris Agreement\","
          + " \"Assembly\" — then `common_phrase`: the rank order",
      "examples", "contexts of the first three, by article id and offset",
      "first_date", "", "last_date", "");

  public static final TableSpec DISCOVERED_ACTORS = TableSpec.of("discovered_actors",
      "provisional actor the dictionary lacks, found in the text, over the run", WHOLE,
      "rank", "1 = the most mentioned",
      "actor_id", "`~TYPE:KEY`, e.g. `~person:brett_mcgurk`",
      "type", "`person`, `organisation` or `place`",
      "name", "as most often written in its longest form",
      "country", "the dictionary country most often named beside it",
      "country_mentions", "mentions naming that country",
      "first_date", "", "last_date", "",
      "titles", "written with it, the most frequent first",
      "forms", "the forms written, the most frequent first (at most 10)",
      "cues", "the cues that found it, as `cue×count`",
      "mentions", "", "articles", "");

  public static final TableSpec STALE_ROLES = TableSpec.of(Tables.STALE_ROLES,
      "role still mentioned after its last holder on record left", WHOLE,
      "role_id", "", "body", "", "last_holder", "", "term_ended", "", "mentions_after", "", "articles_after", "",
      "first_date", "", "last_date", "");

  public static final TableSpec TOPIC_QUALITY = TableSpec.of(Tables.TOPIC_QUALITY, "topic", WHOLE,
      "model_id", "", "topic", "", "label", "", "top_n", "", "npmi_window", "", "npmi_document", "", "umass", "",
      "window", "", "log_perplexity", "",
      "documents", "see [Topic quality](#topic-quality)");

  public static final TableSpec ACTOR_TOPICS = TableSpec.of(Tables.ACTOR_TOPICS, "actor × topic", WHOLE,
      "model_id", "", "actor_id", "", "topic", "",
      "weight", "the actor's topic mixture",
      "mass", "", "mentions", "", "articles", "",
      "lift", "see [Actor–topic links](#actortopic-links)");

  public static final TableSpec TOPIC_ACTORS = TableSpec.of(Tables.TOPIC_ACTORS,
      "topic × actor (top `topics.actors_per_topic`)", WHOLE,
      "model_id", "", "topic", "", "rank", "", "actor_id", "", "mass", "", "share", "", "weight", "", "lift", "",
      "mentions", "");

  public static final TableSpec ACTOR_PARTNERS = TableSpec.of(Tables.ACTOR_PARTNERS,
      "scope × actor × measure × partner (top `cooccurrence.partners.k`), over the whole run", WHOLE,
      "scope", "", "actor_id", "",
      "measure", "`npmi` or `llr`",
      "rank", "", "partner_id", "", "count_ab", "", "count_actor", "", "count_partner", "", "units", "",
      "expected", "", "npmi", "", "llr", "", "llr_p", "");

  public static final TableSpec ACTOR_COUNTS_ROLLING = TableSpec.of(Tables.ACTOR_COUNTS_ROLLING,
      "end date × window × source × actor; dated runs write it (undated ones when `nightly.rolling_undated`)", BY_DATE,
      "window_days", "7, 30: `nightly.rolling_days`",
      "source", "", "actor_id", "", "actor_type", "", "mentions", "",
      "articles", "sums over the window's days",
      "days", "days with rows",
      "date", "the window's last day");

  public static final TableSpec COOCCURRENCE_ROLLING = TableSpec.of(Tables.COOCCURRENCE_ROLLING,
      "end date × window × scope × pair; as `actor_counts_rolling`", BY_DATE,
      "window_days", "",
      "scope", "", "actor_a", "", "actor_b", "", "count_ab", "", "count_a", "", "count_b", "", "units", "",
      "pmi", "", "npmi", "", "llr", "", "expected", "",
      "llr_p", "as `cooccurrence`, counted over the window's days and measures recomputed on those counts",
      "date", "the window's last day");

  /** GraphML files of the actor graph (not Parquet). */
  public static final TableSpec GRAPHS = TableSpec.of(Tables.GRAPHS, "actor graph of one scope, over the run "
      + "(`actors-<scope>.graphml`, see below)", FILES);

  /** Saved topic models, one folder each (not Parquet). */
  public static final TableSpec MODELS = TableSpec.of(Tables.MODELS, "saved topic model "
      + "(`topics/<model_id>/`, see [Saved models](#saved-models-inference-and-nightly-runs))", FILES);

  /** Every table, in the order README lists them. */
  public static final List<TableSpec> ALL = List.of(ARTICLES, STORY_COPIES, MENTIONS, ACTOR_COUNTS, COOCCURRENCE, TOPICS, DOC_TOPICS,
      ACTORS, ROLES, DISCOVERED_ACTORS, UNMATCHED_NAMES, STALE_ROLES, TOPIC_QUALITY, ACTOR_TOPICS, TOPIC_ACTORS, ACTOR_PARTNERS,
      ACTOR_COUNTS_ROLLING, COOCCURRENCE_ROLLING, QUARANTINE, GRAPHS, MODELS);

  public static Optional<TableSpec> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The Parquet tables' names, for the query command's help. */
  public static List<String> parquetNames() {
    return ALL.stream().filter(TableSpec::isParquet).map(TableSpec::name).toList();
  }

  /**
   * README's table reference: one Markdown row per table; columns in written order, runs of columns
   * without a description grouped in one code span, a description in brackets after the column(s) it
   * explains.
   */
  public static String markdown() {
    StringBuilder b = new StringBuilder("| table | one row per | layout | columns |\n|---|---|---|---|\n");
    for (TableSpec t : ALL) {
      b.append("| `").append(t.name()).append("` | ").append(t.rowsPer()).append(" | ").append(layout(t))
          .append(" | ").append(columns(t)).append(" |\n");
    }
    return b.toString();
  }

  private static String layout(TableSpec t) {
    return switch (t.layout()) {
      case BY_DATE -> "by `date`";
      case BY_BATCH -> "by `batch`";
      case WHOLE -> "whole";
      case FILES -> "files";
    };
  }

  private static String columns(TableSpec t) {
    StringBuilder b = new StringBuilder();
    List<String> run = new java.util.ArrayList<>();
    for (TableSpec.Column c : t.columns()) {
      run.add(c.name());
      if (!c.doc().isEmpty()) {
        b.append(b.length() > 0 ? ", " : "").append('`').append(String.join(", ", run)).append("` (")
            .append(c.doc()).append(')');
        run.clear();
      }
    }
    if (!run.isEmpty()) {
      b.append(b.length() > 0 ? ", " : "").append('`').append(String.join(", ", run)).append('`');
    }
    return b.length() == 0 ? "—" : b.toString().replace("|", "\\|");
  }
}
