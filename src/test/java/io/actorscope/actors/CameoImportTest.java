package io.actorscope.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The TABARI/PETRARCH reader on hand-written lines (the real PETRARCH2 files: CameoImportIT). */
class CameoImportTest {
  private static CameoReader.Result readText(String text) throws IOException {
    return CameoReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t");
  }

  @Test
  void grammarOfEntriesSynonymsCodesAndDates() throws IOException {
    CameoReader.Result r = readText(String.join("\n",
        "# a comment line",
        "HAMID_KARZAI_  # CountryInfo.txt",
        "+KARZAI_",
        "+PRESIDENT_KARZAI_ # trailing comment",
        "\t[AFGELI 750101-000101]",
        "\t[AFGGOV >011222]",
        "\t[AFGELI]",
        "",
        "UN_ [IGOUNO]",
        "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]",
        "OLD_ONE [XXXGOV <19450101]",
        "SPACED [EGYGOV > 140608]",
        "LAST_ENTRY"));
    assertEquals(5 + 1, r.entries.size());
    CameoReader.Entry k = r.entries.get(0);
    assertEquals("HAMID_KARZAI_", k.primary);
    assertEquals(List.of("KARZAI_", "PRESIDENT_KARZAI_"), k.synonyms);
    assertEquals(3, k.codes.size());
    assertEquals(LocalDate.of(1975, 1, 1), k.codes.get(0).from);
    assertEquals(LocalDate.of(2000, 1, 1), k.codes.get(0).to); // 00 -> 2000 (00-30 are 20YY)
    assertEquals(LocalDate.of(2001, 12, 22), k.codes.get(1).from);
    assertNull(k.codes.get(1).to);
    assertFalse(k.codes.get(2).dated());
    assertEquals(List.of("IGOUNO", "ELI"), r.entries.get(2).codes.stream().map(c -> c.code).collect(Collectors.toList()));
    assertEquals(LocalDate.of(1945, 1, 1), r.entries.get(3).codes.get(0).to);
    assertEquals(LocalDate.of(2014, 6, 8), r.entries.get(4).codes.get(0).from);
    assertEquals("LAST_ENTRY", r.entries.get(5).primary); // PETRARCH2 drops the last entry; we keep it
    assertEquals(List.of("Hamid Karzai", "Javier de Cuellar", "UN"),
        List.of(CameoImport.phrase("HAMID_KARZAI_").text, CameoImport.phrase("JAVIER_DE_CUELLAR_").text,
            CameoImport.phrase("UN_").text));
  }

  @Test
  void aMissingCameoFileIsNamed() {
    DictionaryLoader.DictionaryException e = assertThrows(DictionaryLoader.DictionaryException.class,
        () -> DictionaryLoader.load(List.of("builtin:countries.yaml", "cameo:/nonexistent/x.actors.txt")));
    assertTrue(e.getMessage().startsWith("cameo:/nonexistent/x.actors.txt: cannot read"), e.getMessage());
  }
}
