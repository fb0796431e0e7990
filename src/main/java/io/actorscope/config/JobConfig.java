package io.actorscope.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved configuration of one run: conf/defaults.yaml, overlaid by a job spec, the command
 * line and {@code --set key=value}. Field names are the YAML keys in camelCase (YAML uses
 * snake_case); each default and its meaning is documented in conf/defaults.yaml.
 */
public final class JobConfig implements Serializable {
  private static final long serialVersionUID = 1L;

  public Run run = new Run();
  public Map<String, String> spark = new LinkedHashMap<>();
  public List<InputConfig> inputs = new ArrayList<>();
  /** The defaults every entry of {@link #inputs} was merged over; kept for the manifest. */
  public InputConfig input = new InputConfig();
  public Ingest ingest = new Ingest();
  public Text text = new Text();
  public Actors actors = new Actors();
  public Cooccurrence cooccurrence = new Cooccurrence();
  public Topics topics = new Topics();
  public Output output = new Output();
  public Language language = new Language();
  public NearDuplicates nearDuplicates = new NearDuplicates();

  public static final class Run implements Serializable {
    private static final long serialVersionUID = 1L;
    public String output;
    public String master;
    public String appName;
  }

  public static final class Ingest implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean dedupe;
    public int snippetChars;
  }

  public static final class Text implements Serializable {
    private static final long serialVersionUID = 1L;
    public int minTermLength;
  }

  public static final class Actors implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> dictionaries = new ArrayList<>();
    public List<String> matchKinds = new ArrayList<>();
  }

  public static final class Cooccurrence implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> scopes = new ArrayList<>();
    public long minCount;
  }

  public static final class Topics implements Serializable {
    private static final long serialVersionUID = 1L;
    public boolean enabled;
    public int k;
    public int maxIter;
    public double subsamplingRate;
    public int vocabSize;
    public double minDf;
    public double maxDf;
    public String stopwords;
    public int minDocuments;
    public int topTerms;
    public long seed;
  }

  public static final class Output implements Serializable {
    private static final long serialVersionUID = 1L;
    public String compression;
  }

  public static final class Language implements Serializable {
    private static final long serialVersionUID = 1L;
    public List<String> detect = new ArrayList<>();
    public List<String> analyze = new ArrayList<>();
    public boolean analyzeUndetermined;
  }

  public static final class NearDuplicates implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final String COUNT_STORY = "story";
    public static final String COUNT_COPY = "copy";
    public boolean enabled;
    public int shingleWords;
    public double threshold;
    public int hashTables;
    public String count;
  }
}
