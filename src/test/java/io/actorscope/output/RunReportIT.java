package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.io.IngestTestData;
import io.actorscope.testing.Chromium;
import io.actorscope.testing.Cli;
import io.actorscope.testing.ReportPage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run report of a run over broken lines plus the seed article (its sections with nothing to
 * show) opens in headless Chromium without a console message. Its content: MixedInputTest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunReportIT {
  @TempDir
  static Path dir;
  Path out;
  ReportPage report;

  @BeforeAll
  void run() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(IngestTestData.mixedFile());
    b.write(Files.readAllBytes(Path.of("sample/seed.jsonl")));
    Path in = dir.resolve("mixed.jsonl");
    Files.write(in, b.toByteArray());
    out = dir.resolve("out");
    Cli r = Cli.run("run", "--input", in.toString(), "--format", "jsonl", "--output", out.toString());
    assertEquals(0, r.exit, r.err);
    report = ReportPage.of(out);
    assertTrue(r.out.contains("actorscope: report " + report.path), r.out);
  }

  @Test
  void opensInHeadlessChromiumWithoutErrors() throws Exception {
    report.opensCleanlyIn(Chromium.require());
  }
}
