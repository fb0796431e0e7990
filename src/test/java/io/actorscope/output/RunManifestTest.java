package io.actorscope.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.actorscope.config.ConfigLoader;
import io.actorscope.config.JobConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunManifestTest {
  @Test
  void credentialsNeverReachTheManifest() {
    ConfigLoader.Overrides o = new ConfigLoader.Overrides();
    o.input = "pom.xml";
    o.output = "s3a://alice:hunter2pw@bucket/out";
    o.sets = List.of("spark.spark.hadoop.fs.s3a.secret.key=TOPSECRETKEY", "spark.spark.hadoop.fs.s3a.access.key=AKIAEXAMPLE",
        "spark.spark.hadoop.fs.azure.account.auth.type=OAuth", "spark.spark.executor.memory=2g");
    JobConfig c = ConfigLoader.load(null, o);
    RunManifest m = new RunManifest("r1");
    m.put("config", RunManifest.configMap(c));
    m.put("output", RunManifest.redact(c.run.output));
    String json = m.toJson();
    for (String secret : List.of("TOPSECRETKEY", "AKIAEXAMPLE", "hunter2pw", "alice:")) {
      assertFalse(json.contains(secret), secret + " leaked: " + json.replace("\n", " "));
    }
    assertTrue(json.contains("s3a://***@bucket/out"), json);
    @SuppressWarnings("unchecked")
    Map<String, Object> spark = (Map<String, Object>) RunManifest.configMap(c).get("spark");
    assertEquals("***", spark.get("spark.hadoop.fs.s3a.secret.key"));
    assertEquals("2g", spark.get("spark.executor.memory"));
  }
}
