package io.actorscope.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads conf/defaults.yaml (bundled on the classpath), overlays a job spec, the command line and
 * {@code --set key=value} pairs, and checks the result. Every problem is a {@link ConfigException}
 * naming the key, thrown before any Spark work starts.
 */
public final class ConfigLoader {
  public static final String DEFAULTS_RESOURCE = "actorscope/conf/defaults.yaml";
  /** Keys whose children are free-form (passed through to Spark, or a field-name map). */
  private static final Set<String> FREE_FORM = Set.of("spark", "input.fields");

  static final Set<String> FORMATS =
      Set.of(InputConfig.FORMAT_JSONL, InputConfig.FORMAT_TEXT, InputConfig.FORMAT_PARQUET, InputConfig.FORMAT_CSV,
          InputConfig.FORMAT_WARC);
  static final Set<String> MATCH_KINDS = Set.of("alias", "role", "metonym", "demonym", "discovered");
  static final Set<String> SCOPES = Set.of("article", "sentence", "window");
  static final Set<String> COMPRESSIONS = Set.of("snappy", "zstd", "gzip", "none", "uncompressed", "lz4");
  static final Set<String> PATTERN_GROUPS = Set.of("id", "source", "year", "month", "day", "date", "title");

  // Duplicate keys are an error, not "the last one wins": a second `topics:` block must not silently
  // drop the first one's keys. A float is not an int: topics.k=2.5 is refused, not truncated to 2.
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  /** What the command line says besides the job file. */
  public static final class Overrides {
    public String input;
    public String format;
    public String output;
    public List<String> sets = List.of();
    /**
     * False for commands that read no articles and write no output (evaluate, import-cameo): they bind the
     * actor and text settings only, so they need neither {@code inputs} nor {@code run.output}.
     */
    public boolean runsTheJob = true;
  }

  private ConfigLoader() {}

  public static JobConfig load(Path jobFile, Overrides cli) {
    ObjectNode defaults = readDefaults();
    ObjectNode merged = defaults.deepCopy();
    if (jobFile != null) {
      if (!Files.isRegularFile(jobFile)) {
        throw new ConfigException(jobFile.toString(), "job file not found");
      }
      JsonNode job;
      try {
        job = YAML.readTree(jobFile.toFile());
      } catch (IOException e) {
        throw new ConfigException(jobFile.toString(), "not valid YAML: " + firstLine(e.getMessage()));
      }
      if (job != null && !job.isMissingNode() && !job.isNull()) {
        if (!job.isObject()) {
          throw new ConfigException(jobFile.toString(), "a job spec must be a mapping of keys");
        }
        checkKnown(job, defaults, "");
        merge(merged, (ObjectNode) job);
      }
    }
    if (cli != null) {
      if (cli.input != null) {
        ObjectNode in = JsonNodeFactory.instance.objectNode().put("path", cli.input);
        if (cli.format != null) {
          in.put("format", cli.format);
        }
        merged.set("inputs", JsonNodeFactory.instance.arrayNode().add(in));
      } else if (cli.format != null) {
        throw new ConfigException("--format", "given without --input");
      }
      if (cli.output != null) {
        ((ObjectNode) merged.get("run")).put("output", cli.output);
      }
      for (String set : cli.sets) {
        applySet(merged, defaults, set);
      }
    }
    expandInputs(merged, defaults);
    JobConfig config = bind(merged);
    validate(config, cli == null || cli.runsTheJob);
    for (InputConfig in : config.inputs) {
      in.detectLanguage = config.language.detect.contains(in.format);
    }
    return config;
  }

  static ObjectNode readDefaults() {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
      }
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE, e);
    }
  }

  /** Every key of {@code node} must exist in {@code schema} at the same place. */
  private static void checkKnown(JsonNode node, JsonNode schema, String prefix) {
    if (FREE_FORM.contains(strip(prefix)) || !node.isObject()) {
      return;
    }
    if (prefix.equals("inputs.")) {
      return; // checked entry by entry in expandInputs
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = prefix + e.getKey();
      if (schema == null || !schema.has(e.getKey())) {
        throw new ConfigException(key, "unknown key");
      }
      JsonNode sub = schema.get(e.getKey());
      if (sub.isObject() && !e.getValue().isObject() && !e.getValue().isNull()
          && !FREE_FORM.contains(key)) {
        throw new ConfigException(key, "expected a mapping of keys");
      }
      if (sub.isObject() || key.equals("inputs")) {
        checkKnown(e.getValue(), sub, key + ".");
      }
    }
  }

  private static String strip(String prefix) {
    return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }

  private static void merge(ObjectNode into, ObjectNode from) {
    Iterator<Map.Entry<String, JsonNode>> it = from.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode existing = into.get(e.getKey());
      if (existing != null && existing.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) existing, (ObjectNode) e.getValue());
      } else {
        into.set(e.getKey(), e.getValue());
      }
    }
  }

  /** {@code key=value}: the key must exist in the defaults (or sit under a free-form key); the value is YAML. */
  private static void applySet(ObjectNode merged, ObjectNode defaults, String set) {
    int eq = set.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException(set, "--set takes key=value");
    }
    String key = set.substring(0, eq).trim();
    String raw = set.substring(eq + 1);
    JsonNode value;
    try {
      value = raw.isEmpty() ? JsonNodeFactory.instance.textNode("") : YAML.readTree(raw);
      if (value == null || value.isMissingNode()) {
        value = JsonNodeFactory.instance.textNode(raw);
      }
    } catch (JsonProcessingException e) {
      value = JsonNodeFactory.instance.textNode(raw);
    }
    String[] parts;
    // Free-form maps take the rest of the key whole: spark.spark.sql.shuffle.partitions=4
    String freeParent = null;
    for (String free : FREE_FORM) {
      if (key.startsWith(free + ".")) {
        freeParent = free;
      }
    }
    if (freeParent != null) {
      parts = new String[] {freeParent, key.substring(freeParent.length() + 1)};
      if (freeParent.contains(".")) {
        String[] p = freeParent.split("\\.");
        parts = new String[] {p[0], p[1], key.substring(freeParent.length() + 1)};
      }
      if (freeParent.equals("spark")) {
        value = JsonNodeFactory.instance.textNode(raw);
      }
    } else {
      parts = key.split("\\.");
    }
    JsonNode schema = defaults;
    ObjectNode target = merged;
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      boolean last = i == parts.length - 1;
      boolean free = freeParent != null && last;
      if (!free && (schema == null || !schema.has(part))) {
        throw new ConfigException(key, "unknown key");
      }
      if (last) {
        if (!free && schema.get(part).isObject()) {
          throw new ConfigException(key, "is a section; set one of its keys");
        }
        target.set(part, value);
      } else {
        schema = schema.get(part);
        JsonNode next = target.get(part);
        if (next == null || !next.isObject()) {
          next = JsonNodeFactory.instance.objectNode();
          target.set(part, next);
        }
        target = (ObjectNode) next;
      }
    }
  }

  /** Each entry of {@code inputs} is the `input` defaults overlaid by the entry's own keys. */
  private static void expandInputs(ObjectNode merged, ObjectNode defaults) {
    JsonNode inputs = merged.get("inputs");
    if (inputs == null || inputs.isNull()) {
      merged.set("inputs", JsonNodeFactory.instance.arrayNode());
      return;
    }
    if (!inputs.isArray()) {
      throw new ConfigException("inputs", "expected a list of {path: …, format: …}");
    }
    ObjectNode base = (ObjectNode) merged.get("input");
    JsonNode schema = defaults.get("input");
    ArrayNode expanded = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode entry = inputs.get(i);
      String at = "inputs[" + i + "]";
      if (entry.isTextual()) {
        entry = JsonNodeFactory.instance.objectNode().put("path", entry.asText());
      }
      if (!entry.isObject()) {
        throw new ConfigException(at, "expected {path: …, format: …}");
      }
      Iterator<String> names = entry.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("path") && !schema.has(name)) {
          throw new ConfigException(at + "." + name, "unknown key");
        }
      }
      ObjectNode one = base.deepCopy();
      merge(one, (ObjectNode) entry);
      expanded.add(one);
    }
    merged.set("inputs", expanded);
  }

  private static JobConfig bind(ObjectNode merged) {
    try {
      return YAML.treeToValue(merged, JobConfig.class);
    } catch (JsonMappingException e) {
      StringBuilder key = new StringBuilder();
      for (JsonMappingException.Reference ref : e.getPath()) {
        if (ref.getFieldName() != null) {
          if (key.length() > 0) {
            key.append('.');
          }
          key.append(ref.getFieldName());
        } else if (ref.getIndex() >= 0) {
          key.append('[').append(ref.getIndex()).append(']');
        }
      }
      throw new ConfigException(key.length() == 0 ? "config" : key.toString(),
          "malformed value (" + firstLine(e.getOriginalMessage()) + ")");
    } catch (JsonProcessingException e) {
      throw new ConfigException("config", firstLine(e.getOriginalMessage()));
    }
  }

  static void validate(JobConfig c) {
    validate(c, true);
  }

  static void validate(JobConfig c, boolean runsTheJob) {
    if (runsTheJob && (c.run.output == null || c.run.output.isBlank())) {
      throw new ConfigException("run.output", "required (give --output DIR or run.output in the job spec)");
    }
    if (runsTheJob && c.inputs.isEmpty()) {
      throw new ConfigException("inputs", "no input given (give --input PATH or inputs: in the job spec)");
    }
    for (String k : c.spark.keySet()) {
      if (!k.startsWith("spark.")) {
        throw new ConfigException("spark." + k, "a Spark setting's name starts with spark. (e.g. spark.spark.executor.memory)");
      }
    }
    for (int i = 0; i < c.inputs.size(); i++) {
      validateInput(c.inputs.get(i), "inputs[" + i + "]");
    }
    OutputPlace.check(c);
    Limits.check(c);
    if (c.ingest.snippetChars < 0) {
      throw new ConfigException("ingest.snippet_chars", "must be >= 0");
    }
    if (c.text.minTermLength < 1) {
      throw new ConfigException("text.min_term_length", "must be >= 1");
    }
    if (c.actors.dictionaries.isEmpty()) {
      throw new ConfigException("actors.dictionaries", "at least one dictionary is needed");
    }
    for (String d : c.actors.dictionaries) {
      Resources.checkExists(d, "actors.dictionaries", "actors/", "");
    }
    for (String k : c.actors.matchKinds) {
      if (!MATCH_KINDS.contains(k)) {
        throw new ConfigException("actors.match_kinds", "unknown kind '" + k + "' (one of " + sorted(MATCH_KINDS) + ")");
      }
    }
    if (c.actors.unmatchedNames.minArticles < 1) {
      throw new ConfigException("actors.unmatched_names.min_articles", "must be >= 1");
    }
    if (c.actors.unmatchedNames.limit < 1) {
      throw new ConfigException("actors.unmatched_names.limit", "must be >= 1");
    }
    for (String s : c.cooccurrence.scopes) {
      if (!SCOPES.contains(s)) {
        throw new ConfigException("cooccurrence.scopes", "unknown scope '" + s + "' (one of " + sorted(SCOPES) + ")");
      }
    }
    if (c.cooccurrence.minCount < 1) {
      throw new ConfigException("cooccurrence.min_count", "must be >= 1");
    }
    JobConfig.Topics t = c.topics;
    if (t.k < 2) {
      throw new ConfigException("topics.k", "must be >= 2, got " + t.k);
    }
    if (t.maxIter < 1) {
      throw new ConfigException("topics.max_iter", "must be >= 1");
    }
    if (!(t.subsamplingRate > 0 && t.subsamplingRate <= 1)) {
      throw new ConfigException("topics.subsampling_rate", "must be in (0, 1]");
    }
    if (t.vocabSize < 1) {
      throw new ConfigException("topics.vocab_size", "must be >= 1");
    }
    if (t.minDf < 0) {
      throw new ConfigException("topics.min_df", "must be >= 0");
    }
    if (t.maxDf <= 0) {
      throw new ConfigException("topics.max_df", "must be > 0");
    }
    if (t.minDf >= 1 && t.maxDf >= 1 && t.maxDf < t.minDf) {
      throw new ConfigException("topics.max_df", "is below topics.min_df");
    }
    if (t.topTerms < 1) {
      throw new ConfigException("topics.top_terms", "must be >= 1");
    }
    if (t.minDocuments < 1) {
      throw new ConfigException("topics.min_documents", "must be >= 1");
    }
    for (String sw : t.stopwords) {
      Resources.checkExists(sw, "topics.stopwords", "stopwords/", ".txt");
    }
    validateTopicsExtra(t);
    validateCooccurrenceExtra(c.cooccurrence);
    for (String f : c.language.detect) {
      if (!FORMATS.contains(f)) {
        throw new ConfigException("language.detect", "unknown format '" + f + "' (one of " + sorted(FORMATS) + ")");
      }
    }
    for (String l : c.language.analyze) {
      if (l == null || !l.matches("[a-z]{2}|und")) {
        throw new ConfigException("language.analyze", "'" + l + "' is not an ISO 639-1 code (two lower-case letters)");
      }
    }
    io.actorscope.discover.DiscoverStage.Settings.of(c.discover); // throws ConfigException naming the key
    JobConfig.NearDuplicates nd = c.nearDuplicates;
    if (nd.shingleWords < 1) {
      throw new ConfigException("near_duplicates.shingle_words", "must be >= 1");
    }
    if (!(nd.threshold > 0 && nd.threshold <= 1)) {
      throw new ConfigException("near_duplicates.threshold", "must be in (0, 1]");
    }
    if (nd.hashTables < 1) {
      throw new ConfigException("near_duplicates.hash_tables", "must be >= 1");
    }
    if (!JobConfig.NearDuplicates.COUNT_STORY.equals(nd.count) && !JobConfig.NearDuplicates.COUNT_COPY.equals(nd.count)) {
      throw new ConfigException("near_duplicates.count", "must be story or copy, got '" + nd.count + "'");
    }
    if (c.output.compression == null || !COMPRESSIONS.contains(c.output.compression)) {
      throw new ConfigException("output.compression", "unknown codec '" + c.output.compression + "' (one of " + sorted(COMPRESSIONS) + ")");
    }
    validateNightly(c.nightly);
  }

  /** The longest range one run may cover (ten years of days): a typo in a year should not start a century. */
  static final int MAX_DAYS = 3660;

  private static void validateNightly(JobConfig.Nightly n) {
    if (n.layout == null || !n.layout.contains("{date}") || n.layout.indexOf("{date}") != n.layout.lastIndexOf("{date}")) {
      throw new ConfigException("nightly.layout", "must contain {date} once, e.g. dt={date}");
    }
    if (n.layout.startsWith("/") || n.layout.contains("..")) {
      throw new ConfigException("nightly.layout", "must be a relative folder under each input path");
    }
    java.time.LocalDate date = day(n.date, "nightly.date");
    java.time.LocalDate from = day(n.from, "nightly.from");
    java.time.LocalDate to = day(n.to, "nightly.to");
    if (date != null && (from != null || to != null)) {
      throw new ConfigException("nightly.date", "give either a date or a range (--from/--to), not both");
    }
    if ((from == null) != (to == null)) {
      throw new ConfigException(from == null ? "nightly.from" : "nightly.to", "a range needs both --from and --to");
    }
    if (from != null && from.isAfter(to)) {
      throw new ConfigException("nightly.to", to + " is before nightly.from " + from);
    }
    if (from != null && java.time.temporal.ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new ConfigException("nightly.to", "a range covers at most " + MAX_DAYS + " days");
    }
    if (!Set.of(JobConfig.Nightly.ONE_PASS, JobConfig.Nightly.DAY_BY_DAY).contains(n.backfill)) {
      throw new ConfigException("nightly.backfill", "unknown mode '" + n.backfill + "' (one of day_by_day, one_pass)");
    }
    if (!Set.of("fail", "skip").contains(n.missingInput)) {
      throw new ConfigException("nightly.missing_input", "unknown choice '" + n.missingInput + "' (one of fail, skip)");
    }
    for (Integer w : n.rollingDays) {
      if (w == null || w < 2 || w > 366) {
        throw new ConfigException("nightly.rolling_days", "each window must be 2 to 366 days, got " + w);
      }
    }
    if (new java.util.HashSet<>(n.rollingDays).size() != n.rollingDays.size()) {
      throw new ConfigException("nightly.rolling_days", "a window is listed twice");
    }
    if (n.lockStaleMinutes < 1) {
      throw new ConfigException("nightly.lock_stale_minutes", "must be >= 1");
    }
  }

  private static java.time.LocalDate day(String s, String key) {
    if (s == null) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new ConfigException(key, "'" + s + "' is not a day (YYYY-MM-DD)");
    }
  }

  private static void validateTopicsExtra(JobConfig.Topics t) {
    if (!Set.of("gibbs", "online", "em").contains(t.optimizer)) {
      throw new ConfigException("topics.optimizer", "unknown optimizer '" + t.optimizer + "' (one of em, gibbs, online)");
    }
    try {
      io.actorscope.topics.GibbsLda.validate(t.gibbs.iterations, t.gibbs.syncEvery, t.gibbs.burnIn,
          t.gibbs.optimizeInterval, t.gibbs.alphaSum, t.gibbs.beta);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new ConfigException(m.substring(0, m.indexOf(' ')), m.substring(m.indexOf(' ') + 1));
    }
    try {
      io.actorscope.topics.TopicTokens.validateSegmentTokens(t.segmentTokens);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("topics.segment_tokens", e.getMessage().substring("topics.segment_tokens ".length()));
    }
    if (!Set.of("fit", "infer", "auto").contains(t.mode)) {
      throw new ConfigException("topics.mode", "unknown mode '" + t.mode + "' (one of auto, fit, infer)");
    }
    if (t.model == null || t.model.isBlank() || t.model.contains("/") || t.model.contains("..")) {
      throw new ConfigException("topics.model", "must be latest or a model id");
    }
    if (!(t.retrainDays > 0)) {
      throw new ConfigException("topics.retrain_days", "must be > 0");
    }
    if (t.labelTerms < 1) {
      throw new ConfigException("topics.label_terms", "must be >= 1");
    }
    if (!Set.of("words", "replace", "drop").contains(t.actorTokens)) {
      throw new ConfigException("topics.actor_tokens", "unknown value '" + t.actorTokens + "' (one of drop, replace, words)");
    }
    if (t.actorsPerTopic < 1) {
      throw new ConfigException("topics.actors_per_topic", "must be >= 1");
    }
    if (t.coherence.topN < 2) {
      throw new ConfigException("topics.coherence.top_n", "must be >= 2");
    }
    if (t.coherence.window < 2) {
      throw new ConfigException("topics.coherence.window", "must be >= 2");
    }
    if (!Set.of("gensim", "exact").contains(t.coherence.windowMode)) {
      throw new ConfigException("topics.coherence.window_mode", "unknown mode '" + t.coherence.windowMode + "' (one of exact, gensim)");
    }
    if (t.bigrams.minCount < 1) {
      throw new ConfigException("topics.bigrams.min_count", "must be >= 1");
    }
    if (!(t.bigrams.minNpmi >= -1 && t.bigrams.minNpmi <= 1)) {
      throw new ConfigException("topics.bigrams.min_npmi", "must be in [-1, 1]");
    }
    if (t.bigrams.max < 0) {
      throw new ConfigException("topics.bigrams.max", "must be >= 0");
    }
  }

  private static void validateCooccurrenceExtra(JobConfig.Cooccurrence c) {
    if (c.windowWidth < 2) {
      throw new ConfigException("cooccurrence.window_width", "must be >= 2");
    }
    if (c.partners.k < 1) {
      throw new ConfigException("cooccurrence.partners.k", "must be >= 1");
    }
    if (c.partners.minCount < 1) {
      throw new ConfigException("cooccurrence.partners.min_count", "must be >= 1");
    }
    if (c.partners.minExpected < 0) {
      throw new ConfigException("cooccurrence.partners.min_expected", "must be >= 0");
    }
    if (!SCOPES.contains(c.graph.scope)) {
      throw new ConfigException("cooccurrence.graph.scope", "unknown scope '" + c.graph.scope + "' (one of " + sorted(SCOPES) + ")");
    }
    if (c.graph.enabled && !c.scopes.contains(c.graph.scope)) {
      throw new ConfigException("cooccurrence.graph.scope", "'" + c.graph.scope + "' is not in cooccurrence.scopes");
    }
    if (!(c.graph.maxP > 0 && c.graph.maxP <= 1)) {
      throw new ConfigException("cooccurrence.graph.max_p", "must be in (0, 1]");
    }
    if (c.graph.minCount < 1) {
      throw new ConfigException("cooccurrence.graph.min_count", "must be >= 1");
    }
    if (c.graph.maxEdges < 1) {
      throw new ConfigException("cooccurrence.graph.max_edges", "must be >= 1");
    }
  }

  private static void validateInput(InputConfig in, String at) {
    if (in.path == null || in.path.isBlank()) {
      throw new ConfigException(at + ".path", "required");
    }
    if (in.format == null || !FORMATS.contains(in.format)) {
      throw new ConfigException(at + ".format", "unknown format '" + in.format + "' (one of " + sorted(FORMATS) + ")");
    }
    Resources.checkInputExists(in.path, at + ".path");
    try {
      Charset.forName(in.encoding);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".encoding", "unknown character set '" + in.encoding + "'");
    }
    try {
      ZoneId.of(in.timezone);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".timezone", "unknown time zone '" + in.timezone + "'");
    }
    for (String f : List.of("id", "text")) {
      String v = in.fields.get(f);
      if (v == null || v.isBlank()) {
        throw new ConfigException(at + ".fields." + f, "required");
      }
    }
    for (String f : in.fields.keySet()) {
      if (!Set.of("id", "url", "source", "published", "title", "text", "date_precision").contains(f)) {
        throw new ConfigException(at + ".fields." + f, "unknown article field");
      }
    }
    if (in.warcMaxPayloadBytes < 1) {
      throw new ConfigException(at + ".warc_max_payload_bytes", "must be >= 1");
    }
    if (in.maxRecordBytes < 1 || in.maxRecordBytes > Limits.MAX_RECORD_BYTES) {
      throw new ConfigException(at + ".max_record_bytes", "must be 1 to " + Limits.MAX_RECORD_BYTES + ", got " + in.maxRecordBytes);
    }
    if (in.glob == null || in.glob.isEmpty()) {
      throw new ConfigException(at + ".glob", "required (a glob on the file name, e.g. *.txt)");
    }
    try {
      new org.apache.hadoop.fs.GlobPattern(in.glob);
    } catch (RuntimeException e) {
      throw new ConfigException(at + ".glob", "not a glob: " + firstLine(e.getMessage()));
    }
    if (in.warcMinTextChars < 0) {
      throw new ConfigException(at + ".warc_min_text_chars", "must be >= 0");
    }
    if (InputConfig.FORMAT_TEXT.equals(in.format)) {
      try {
        Pattern p = Pattern.compile(in.pathPattern == null ? "" : in.pathPattern);
        java.util.regex.Matcher names = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(p.pattern());
        while (names.find()) {
          String g = names.group(1);
          if (!PATTERN_GROUPS.contains(g)) {
            throw new ConfigException(at + ".path_pattern", "unknown group '" + g + "' (one of " + sorted(PATTERN_GROUPS) + ")");
          }
        }
      } catch (PatternSyntaxException e) {
        throw new ConfigException(at + ".path_pattern", "not a regular expression: " + firstLine(e.getDescription()));
      }
    }
  }

  private static String sorted(Set<String> s) {
    return String.join(", ", new java.util.TreeSet<>(s));
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
