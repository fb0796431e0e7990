package io.actorscope.config;

/** A configuration problem, found before Spark starts. {@link #getMessage()} is one line naming the key. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String key;
  private final boolean missingInput;

  public ConfigException(String key, String problem) {
    this(key, problem, false);
  }

  public ConfigException(String key, String problem, boolean missingInput) {
    super("config error: " + key + ": " + problem);
    this.key = key;
    this.missingInput = missingInput;
  }

  /** True when the problem is an input path that does not exist (exit code 3, not 2). */
  public boolean isMissingInput() {
    return missingInput;
  }

  /** The dotted key (or path, for a missing file) the problem is about. */
  public String key() {
    return key;
  }

  /** The first line of {@code s} (a library's message may run over several), or "" for null. */
  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
