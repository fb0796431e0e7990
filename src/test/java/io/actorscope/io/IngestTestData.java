package io.actorscope.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A JSON-lines file mixing good lines with every kind of broken one, for the ingest and end-to-end tests. */
public final class IngestTestData {
  public static final String GOOD_1 = "{\"id\":\"a1\",\"source\":\"wire\",\"published\":\"2021-06-01T23:30:00-05:00\",\"title\":\"T\",\"text\":\"NATO met.\"}";
  public static final String GOOD_2 = "{\"id\":\"a2\",\"published\":\"2021-06-02\",\"text\":\"\\uFEFFRussia\\u0301 said so.\"}";
  public static final String DUPLICATE_OF_1 = "{\"id\":\"a3\",\"published\":\"2021-06-03\",\"text\":\"NATO   met.\"}";
  public static final String BAD_JSON = "{\"id\":\"b1\",\"text\":\"unterminated";
  public static final String EMPTY_TEXT = "{\"id\":\"b2\",\"published\":\"2021-06-01\",\"text\":\"   \"}";
  public static final String BAD_DATE = "{\"id\":\"b3\",\"published\":\"first of June\",\"text\":\"Some text.\"}";
  public static final String NO_DATE = "{\"id\":\"b4\",\"text\":\"Undated text.\"}";
  public static final String ARRAY = "[1,2,3]";
  public static final String OBJECT_TEXT = "{\"id\":\"b5\",\"published\":\"2021-06-01\",\"text\":{\"body\":\"x\"}}";

  public static byte[] garbage() {
    byte[] g = new byte[64];
    for (int i = 0; i < g.length; i++) {
      g[i] = (byte) (i * 37 + 1);
    }
    g[10] = 0;
    // keep it one line: no byte may be a line terminator (LF or CR)
    for (int i = 0; i < g.length; i++) {
      if (g[i] == '\n' || g[i] == '\r') {
        g[i] = (byte) 0x90;
      }
    }
    return g;
  }

  private IngestTestData() {}

  /**
   * Good lines a1, a2, a4 (a4 with one invalid byte), a3 a duplicate of a1, a blank line, and one
   * broken line per reason: invalid_json, missing_text, invalid_date, binary_content,
   * missing_date, not_an_object, invalid_field. 11 records.
   */
  public static byte[] mixedFile() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (String line : List.of(GOOD_1, BAD_JSON, GOOD_2, EMPTY_TEXT, "", BAD_DATE)) {
      b.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    b.write(garbage());
    b.write('\n');
    for (String line : List.of(DUPLICATE_OF_1, NO_DATE, ARRAY, OBJECT_TEXT)) {
      b.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    // a good line with one invalid byte (0xFF) inside its text
    b.write("{\"id\":\"a4\",\"published\":\"2021-06-04\",\"text\":\"caf".getBytes(StandardCharsets.UTF_8));
    b.write(0xFF);
    b.write("e au lait\"}\n".getBytes(StandardCharsets.UTF_8));
    return b.toByteArray();
  }

}
