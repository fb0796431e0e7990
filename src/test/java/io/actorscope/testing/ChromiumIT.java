package io.actorscope.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser check itself: a broken page is caught, a clean one passes. */
class ChromiumIT {
  @TempDir
  Path dir;

  @Test
  void aScriptErrorAndAConsoleMessageAreCaught() throws Exception {
    Chromium chromium = Chromium.require();
    Path bad = dir.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><head><script>window.addEventListener('error',function(e){"
        + "document.documentElement.setAttribute('data-errors',e.message);});</script></head><body><p>x</p>"
        + "<script>console.error('broken');missingFunction();</script></body></html>");
    Chromium.Page page = chromium.load(bad);
    assertEquals(2, page.console.size(), page.log);
    assertTrue(page.console.get(0).contains("broken"), page.console.get(0));
    assertTrue(page.console.get(1).contains("missingFunction is not defined"), page.console.get(1));
    assertTrue(page.dom.contains("data-errors=\"Uncaught ReferenceError: missingFunction is not defined\""), page.dom);

    Path good = dir.resolve("good.html");
    Files.writeString(good, "<!DOCTYPE html><html><body><p>fine</p>"
        + "<script>document.documentElement.setAttribute('data-ok','1')</script></body></html>");
    Chromium.Page ok = chromium.load(good);
    assertEquals(0, ok.console.size(), ok.log);
    assertTrue(ok.dom.contains("data-ok=\"1\""), ok.dom);
    Path png = dir.resolve("good.png");
    chromium.screenshot(good, png, 400, 300);
    byte[] b = Files.readAllBytes(png);
    assertTrue(b.length > 100 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G');
  }

  @Test
  void aPageWithAnExternalReferenceFailsTheReportCheck() throws Exception {
    Path out = dir.resolve("out/_runs");
    Files.createDirectories(out);
    Files.writeString(out.resolve("r.html"), "<!DOCTYPE html><html><head>"
        + "<script src=\"https://cdn.example/chart.js\"></script></head><body>"
        + "<script type=\"application/json\" id=\"report-data\">{}</script></body></html>");
    ReportPage page = ReportPage.of(dir.resolve("out"));
    AssertionError e = assertThrows(AssertionError.class, () -> page.opensCleanlyIn(null));
    assertTrue(e.getMessage().contains("external reference: https://cdn.example/chart.js"), e.getMessage());
  }
}
