package io.actorscope.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads TABARI/PETRARCH-format dictionaries: actor files ({@code Phoenix.Countries.actors.txt},
 * ...) and agent files ({@code Phoenix.agents.txt}). The grammar follows PETRARCH2's
 * {@code PETRreader.read_FIN_line}, {@code read_actor_dictionary} and {@code read_agent_dictionary}:
 *
 * <ul>
 *   <li>Lines starting with {@code #} or {@code <!}, and blank lines, are skipped; anything after a
 *       {@code #} is a comment; {@code <!-- ... -->} comments may span lines.
 *   <li>Actor files: a line that starts with neither {@code +} nor {@code [} opens an entry (its
 *       primary phrase); {@code +PHRASE} adds a synonym to the open entry; {@code [CODE]},
 *       {@code [CODE yymmdd-yymmdd]}, {@code [CODE <yymmdd]} (before) and {@code [CODE >yymmdd]}
 *       (after) give the entry a code, also written at the end of the primary line. Underscores and
 *       blanks both separate words.
 *   <li>Dates are {@code YYMMDD} (years 00–30 are 20YY, else 19YY) or {@code YYYYMMDD}; as in
 *       PETRARCH's {@code dstr_to_ordate}, a date longer than 7 characters is read as YYYYMMDD from
 *       its first 8, otherwise as YYMMDD from its first 6 (odd lengths are warned about).
 *   <li>Agent files: {@code PHRASE {PLURAL} [~CODE]} ({@code ~} before the code: appended to the
 *       actor's code; after it: prepended); a regular plural (+S, Y→IES, S→ES) is generated unless
 *       {@code {...}} gives one ({@code {}} = none); {@code !MARKER! = A, B, C} defines a
 *       substitution set used as {@code CONGRESS!PERSON!}.
 * </ul>
 *
 * Where PETRARCH2's reader mis-reads a line, this one reads what the line plainly says and records
 * a warning: several codes on a primary line ({@code X_ [IGOUNO 820101-911231] [ELI]}, PETRARCH
 * keeps only the last and makes the others part of the name), a dated code on a primary line, a
 * blank after {@code <} or {@code >}, and text after the code. PETRARCH also never stores the last
 * entry of a file; this reader does.
 */
public final class CameoReader {
  private static final Pattern CODE = Pattern.compile("\\[([^\\]]*)\\]");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern BLANK_AFTER_SIGN = Pattern.compile("([<>])\\s+");

  private CameoReader() {}

  /** One code of an entry with its validity ({@code from}/{@code to} inclusive, null = open). */
  public static final class Code {
    public final String code;
    public final LocalDate from;
    public final LocalDate to;
    /** As written between the brackets. */
    public final String raw;

    Code(String code, LocalDate from, LocalDate to, String raw) {
      this.code = code;
      this.from = from;
      this.to = to;
      this.raw = raw;
    }

    public boolean dated() {
      return from != null || to != null;
    }
  }

  /** One actor entry: a primary phrase, its synonyms and codes. Phrases are as written (underscores kept). */
  public static final class Entry {
    public final String primary;
    public final List<String> synonyms = new ArrayList<>();
    public final List<Code> codes = new ArrayList<>();
    public final int line;

    Entry(String primary, int line) {
      this.primary = primary;
      this.line = line;
    }
  }

  /** One agent line: its phrase forms (singular, plural or substituted forms) and code. */
  public static final class Agent {
    public final String phrase;
    public final List<String> forms = new ArrayList<>();
    /** The code without its {@code ~}. */
    public final String code;
    /** True for {@code [CODE~]} (prepended to the actor code), false for {@code [~CODE]} (appended). */
    public final boolean prefix;
    public final int line;

    Agent(String phrase, String code, boolean prefix, int line) {
      this.phrase = phrase;
      this.code = code;
      this.prefix = prefix;
      this.line = line;
    }
  }

  /** What a file held, counted as read. */
  public static final class Result {
    public final String name;
    public final List<Entry> entries = new ArrayList<>();
    public final List<Agent> agents = new ArrayList<>();
    public int synonyms;
    public int codes;
    public int datedCodes;
    /** Dated codes by form: {@code a-b}, {@code <d}, {@code >d}, and a lone date (read as that day). */
    public int ranges;
    public int before;
    public int after;
    public int single;
    /** Agent phrase forms stored (singular + plural + substitutions). */
    public int agentForms;
    public final List<String> warnings = new ArrayList<>();

    Result(String name) {
      this.name = name;
    }

    public boolean isAgents() {
      return !agents.isEmpty();
    }
  }

  /** Reads an actor or agent file; agent files are recognised by their {@code [~CODE]} codes. */
  public static Result read(InputStream in, String name) throws IOException {
    List<String[]> lines = contentLines(in);
    boolean agents = false;
    for (String[] l : lines) {
      Matcher m = CODE.matcher(l[1]);
      if (m.find()) {
        agents = m.group(1).contains("~");
        break;
      }
    }
    Result r = new Result(name);
    if (agents) {
      readAgents(lines, r);
    } else {
      readActors(lines, r);
    }
    return r;
  }

  /** Content lines as {line number, text} with comments removed and blanks trimmed (read_FIN_line). */
  static List<String[]> contentLines(InputStream in) throws IOException {
    List<String[]> out = new ArrayList<>();
    BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    boolean inComment = false;
    while ((line = br.readLine()) != null) {
      n++;
      if (n == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (inComment) {
        int end = line.indexOf("-->");
        if (end < 0) {
          continue;
        }
        inComment = false;
        line = line.substring(end + 3);
      }
      if (line.startsWith("#") || line.startsWith("<!--") && !line.contains("-->")) {
        inComment = !line.startsWith("#");
        continue;
      }
      if (line.startsWith("<!")) {
        continue;
      }
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      int open = line.indexOf("<!--");
      if (open >= 0) {
        int close = line.indexOf("-->", open);
        if (close >= 0) {
          line = line.substring(0, open) + line.substring(close + 3);
        } else {
          line = line.substring(0, open);
          inComment = true;
        }
      }
      line = line.strip();
      if (!line.isEmpty()) {
        out.add(new String[] {Integer.toString(n), line});
      }
    }
    return out;
  }

  private static void readActors(List<String[]> lines, Result r) {
    Entry current = null;
    for (String[] l : lines) {
      int n = Integer.parseInt(l[0]);
      String line = l[1];
      String at = r.name + ":" + n;
      if (line.charAt(0) == '[') {
        if (current == null) {
          r.warnings.add(at + ": code before any entry; skipped");
          continue;
        }
        codes(line, current, r, at);
        String rest = CODE.matcher(line).replaceAll("").strip();
        if (!rest.isEmpty()) {
          r.warnings.add(at + ": text after the code ignored: " + rest);
        }
      } else if (line.charAt(0) == '+') {
        if (current == null) {
          r.warnings.add(at + ": synonym before any entry; skipped");
          continue;
        }
        String phrase = line.substring(1).strip();
        if (phrase.contains("[")) {
          r.warnings.add(at + ": code on a synonym line, read as the entry's");
          codes(phrase, current, r, at);
          phrase = phrase.substring(0, phrase.indexOf('[')).strip();
        }
        current.synonyms.add(phrase);
        r.synonyms++;
      } else {
        int bracket = line.indexOf('[');
        String phrase = bracket < 0 ? line : line.substring(0, bracket).strip();
        current = new Entry(phrase, n);
        r.entries.add(current);
        if (bracket >= 0) {
          String tail = line.substring(bracket);
          int k = codes(tail, current, r, at);
          String rest = CODE.matcher(tail).replaceAll("").strip();
          if (!rest.isEmpty()) {
            r.warnings.add(at + ": text after the code ignored: " + rest);
          }
          if (k > 1) {
            r.warnings.add(at + ": " + k + " codes on the primary line (PETRARCH2 keeps only the last)");
          }
        }
      }
    }
  }

  /** Adds every {@code [CODE dates]} in {@code s} to the entry; returns how many. */
  private static int codes(String s, Entry e, Result r, String at) {
    Matcher m = CODE.matcher(s);
    int k = 0;
    while (m.find()) {
      String raw = m.group(1).strip();
      // "[EGYGOV > 140608]": a blank after < or > is read as if absent
      String norm = raw.indexOf('<') < 0 && raw.indexOf('>') < 0 ? raw : BLANK_AFTER_SIGN.matcher(raw).replaceAll("$1");
      String[] parts = BLANKS.split(norm);
      if (parts[0].isEmpty()) {
        r.warnings.add(at + ": empty code; skipped");
        continue;
      }
      LocalDate from = null;
      LocalDate to = null;
      if (parts.length > 1) {
        String d = parts[1];
        try {
          if (d.startsWith("<")) {
            to = date(d.substring(1), r, at);
            r.before++;
          } else if (d.startsWith(">")) {
            from = date(d.substring(1), r, at);
            r.after++;
          } else if (d.contains("-")) {
            from = date(d.substring(0, d.indexOf('-')), r, at);
            to = date(d.substring(d.indexOf('-') + 1), r, at);
            r.ranges++;
          } else {
            from = date(d, r, at);
            to = from;
            r.single++;
          }
        } catch (RuntimeException ex) {
          r.warnings.add(at + ": unreadable date '" + d + "' in [" + raw + "]; code kept undated");
          from = null;
          to = null;
        }
        if (from != null || to != null) {
          r.datedCodes++;
        }
        if (from != null && to != null && from.isAfter(to)) {
          r.warnings.add(at + ": [" + raw + "] ends before it begins (as PETRARCH2 reads the dates)");
        }
        if (parts.length > 2) {
          r.warnings.add(at + ": extra text in [" + raw + "] ignored");
        }
      }
      e.codes.add(new Code(parts[0], from, to, raw));
      r.codes++;
      k++;
    }
    return k;
  }

  /** PETRARCH's dstr_to_ordate: more than 7 characters = YYYYMMDD (first 8), else YYMMDD (first 6). */
  static LocalDate date(String s, Result r, String at) {
    if (s.length() != 6 && s.length() != 8) {
      r.warnings.add(at + ": date '" + s + "' is neither YYMMDD nor YYYYMMDD; read as PETRARCH2 does");
    }
    try {
      if (s.length() > 7) {
        return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
            Integer.parseInt(s.substring(6, 8)));
      }
      int y = Integer.parseInt(s.substring(0, 2));
      return LocalDate.of(y <= 30 ? 2000 + y : 1900 + y, Integer.parseInt(s.substring(2, 4)),
          Integer.parseInt(s.substring(4, 6)));
    } catch (NumberFormatException | IndexOutOfBoundsException | DateTimeException e) {
      throw new IllegalArgumentException(s);
    }
  }

  private static void readAgents(List<String[]> lines, Result r) {
    Map<String, List<String>> markers = new LinkedHashMap<>();
    for (String[] l : lines) {
      int n = Integer.parseInt(l[0]);
      String line = l[1];
      String at = r.name + ":" + n;
      if (line.contains("!") && line.contains("=")) {
        int a = line.indexOf('!');
        int b = line.indexOf('!', a + 1);
        if (b < 0 || line.indexOf('=', b) < 0) {
          r.warnings.add(at + ": substitution marker incorrectly defined; skipped");
          continue;
        }
        List<String> items = new ArrayList<>();
        for (String item : line.substring(line.indexOf('=', b) + 1).split(",")) {
          items.add(item.strip());
        }
        markers.put(line.substring(a + 1, b), items);
        continue;
      }
      int bracket = line.indexOf('[');
      if (bracket < 0) {
        r.warnings.add(at + ": no code; skipped");
        continue;
      }
      String head = line.substring(0, bracket).strip();
      int close = line.indexOf(']', bracket);
      String code = (close < 0 ? line.substring(bracket + 1) : line.substring(bracket + 1, close)).strip();
      boolean prefix = code.endsWith("~") && !code.startsWith("~");
      String bare = code.replace("~", "");
      List<String> forms = new ArrayList<>();
      String phrase;
      if (head.contains("!")) {
        int a = head.indexOf('!');
        int b = head.indexOf('!', a + 1);
        List<String> subst = b < 0 ? null : markers.get(head.substring(a + 1, b));
        if (subst == null) {
          r.warnings.add(at + ": unknown or malformed substitution marker; skipped");
          continue;
        }
        // as PETRARCH2: the first marker is substituted (a second one stays as written); a {plural}
        // after a marker is ignored
        phrase = head;
        String rest = head.substring(b + 1).replaceAll("\\{[^}]*\\}", "");
        for (String s : subst) {
          forms.add(head.substring(0, a) + s + rest);
        }
      } else if (head.contains("{")) {
        if (!head.contains("}")) {
          r.warnings.add(at + ": missing '}'; skipped");
          continue;
        }
        phrase = head.substring(0, head.indexOf('{')).strip();
        String plural = head.substring(head.indexOf('{') + 1, head.indexOf('}')).strip();
        forms.add(phrase);
        if (!plural.isEmpty()) {
          forms.add(plural);
        }
      } else {
        phrase = head;
        forms.add(phrase);
        forms.add(plural(phrase));
      }
      Agent ag = new Agent(phrase, bare, prefix, n);
      for (String f : forms) {
        String clean = stripTrailingUnderscores(f);
        if (!clean.isEmpty()) {
          ag.forms.add(clean);
        }
      }
      r.agents.add(ag);
      r.agentForms += ag.forms.size();
    }
  }

  /** PETRARCH's automatic plural: Y → IES, S → SES... as read_agent_dictionary does (on the text before the code). */
  static String plural(String phrase) {
    String p = stripTrailingUnderscores(phrase);
    if (p.endsWith("Y")) {
      return p.substring(0, p.length() - 1) + "IES";
    }
    if (p.endsWith("S")) {
      return p + "ES";
    }
    return p + "S";
  }

  private static String stripTrailingUnderscores(String s) {
    String t = s.strip();
    while (t.endsWith("_")) {
      t = t.substring(0, t.length() - 1).strip();
    }
    return t;
  }

  /** A phrase's words: underscores and blanks both separate words. */
  public static List<String> words(String phrase) {
    List<String> out = new ArrayList<>();
    for (String w : BLANKS.split(phrase.replace('_', ' ').trim())) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }
}
