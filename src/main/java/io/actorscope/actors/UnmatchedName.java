package io.actorscope.actors;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;

/** A row of the {@code unmatched_names} table: a capitalised name no actor matched, over the run. */
public class UnmatchedName implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final Encoder<UnmatchedName> ENCODER = Encoders.bean(UnmatchedName.class);

  /** 1 = most worth adding to the dictionary. */
  private int rank;
  /** The name as most often written. */
  private String name;
  /** Lookup key: lower case, diacritics folded. */
  private String nameKey;
  /** Occurrences not at the start of a sentence (a capital there says something). */
  private long mentions;
  /** Occurrences at the start of a sentence (a capital there says nothing). */
  private long sentenceInitial;
  private long articles;
  /** Occurrences of the same words in lower case: a common phrase, not a name, when high. */
  private long lowerCase;
  /** lower_case is at least a tenth of mentions + lower_case: ranked after every real name. */
  private boolean commonPhrase;
  /** name | document_or_event (a treaty, event or generic institution word) | common_phrase: the rank order. */
  private String looksLike;
  private List<String> examples;
  private LocalDate firstDate;
  private LocalDate lastDate;

  public int getRank() { return rank; }
  public void setRank(int v) { rank = v; }
  public String getName() { return name; }
  public void setName(String v) { name = v; }
  public String getNameKey() { return nameKey; }
  public void setNameKey(String v) { nameKey = v; }
  public long getMentions() { return mentions; }
  public void setMentions(long v) { mentions = v; }
  public long getSentenceInitial() { return sentenceInitial; }
  public void setSentenceInitial(long v) { sentenceInitial = v; }
  public long getArticles() { return articles; }
  public void setArticles(long v) { articles = v; }
  public long getLowerCase() { return lowerCase; }
  public void setLowerCase(long v) { lowerCase = v; }
  public boolean isCommonPhrase() { return commonPhrase; }
  public void setCommonPhrase(boolean v) { commonPhrase = v; }
  public String getLooksLike() { return looksLike; }
  public void setLooksLike(String v) { looksLike = v; }
  public List<String> getExamples() { return examples; }
  public void setExamples(List<String> v) { examples = v; }
  public LocalDate getFirstDate() { return firstDate; }
  public void setFirstDate(LocalDate v) { firstDate = v; }
  public LocalDate getLastDate() { return lastDate; }
  public void setLastDate(LocalDate v) { lastDate = v; }
}
