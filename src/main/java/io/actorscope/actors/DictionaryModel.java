package io.actorscope.actors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The YAML dictionary format of conf/actors/ (documented in conf/actors/README.md), as read. */
public final class DictionaryModel {
  private DictionaryModel() {}

  /** One file: actors and roles. */
  public static final class File {
    public List<ActorDef> actors = new ArrayList<>();
    public List<RoleDef> roles = new ArrayList<>();
    /**
     * Names that contain an actor's name but are no actor ("Latin America", "New Mexico"): matched
     * so that the shorter name inside them is not, and never a mention.
     */
    public List<String> notActors = new ArrayList<>();
    /**
     * True for imported dictionaries (CAMEO): a phrase another file claims is skipped rather than an
     * error, and an actor id another file defines gets this file's phrases as extra aliases.
     */
    public boolean yields;
    /** CAMEO agents (role nouns such as PRESIDENT → ~GOVPRS); kept, not matched on their own. */
    public List<AgentDef> agents = new ArrayList<>();
  }

  public static final class ActorDef {
    public String id;
    public String type;
    public String name;
    public List<AliasDef> aliases = new ArrayList<>();
    public List<AliasDef> demonyms = new ArrayList<>();
    public List<AliasDef> metonyms = new ArrayList<>();
    public String country;
    /** A person's surname when it is not the last word of the name ("Xi" of Xi Jinping). */
    public String surname;
    /** Whether the surname alone names the person when nobody else in the dictionary has it. */
    public boolean surnameAlone = true;
    /** The name is also a personal or company name (Jordan, Georgia, Chad): see {@link AliasDef#nameLike}. */
    public boolean nameLike;
    public String note;
    /** CAMEO codes with their validity, from an import (see CameoReader). */
    public List<CodeDef> codes = new ArrayList<>();
  }

  /** A CAMEO code; {@code from}/{@code to} inclusive, absent = open. */
  public static final class CodeDef {
    public String code;
    public LocalDate from;
    public LocalDate to;
  }

  /** A CAMEO agent: phrases and the code they add to an actor's code, after it or (prefix) before it. */
  public static final class AgentDef {
    public String code;
    public boolean prefix;
    public List<String> phrases = new ArrayList<>();
  }

  /** An alias: a plain string, or {text, case}. */
  public static final class AliasDef {
    public String text;
    @JsonProperty("case")
    public String casePolicy = CasePolicy.AUTO;
    /**
     * Also a personal or company name (Jordan, Georgia, Chad): not a match when joined to another
     * capitalised word ("Michael Jordan", "Georgia Power", "Georgia-Pacific"). Always on for metonyms.
     */
    public boolean nameLike;
    /** Words that, written exactly so right before the alias, make it something else ("LET US"). */
    public List<String> notAfter = new ArrayList<>();

    public AliasDef() {}

    @JsonCreator
    public static AliasDef of(String text) {
      AliasDef a = new AliasDef();
      a.text = text;
      return a;
    }

    public static AliasDef of(String text, String policy) {
      AliasDef a = of(text);
      a.casePolicy = policy;
      return a;
    }
  }

  public static final class RoleDef {
    public String id;
    public String body;
    public List<String> titles = new ArrayList<>();
    public List<AliasDef> aliases = new ArrayList<>();
    public boolean combine = true;
    /**
     * Phrases that name the office without its body ("head of the Foreign Ministry"); like the
     * titles themselves, they resolve only to this role when it was named just before.
     */
    public List<AliasDef> generic = new ArrayList<>();
    public List<HolderDef> holders = new ArrayList<>();
    public String note;
  }

  public static final class HolderDef {
    public String actor;
    public LocalDate from;
    public LocalDate to;
    public String note;
  }
}
