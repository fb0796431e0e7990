import static org.apache.spark.sql.functions.*;

import io.actorscope.actors.DictionaryLoader;
import io.actorscope.actors.DictionaryModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The two baselines of scripts/bench scale, over the same text files as the job:
 *   scan GLOB OUT   the scan floor: read every file whole, decode it as UTF-8, sum the lengths
 *   naive GLOB OUT  what a user would write in an afternoon: RegexTokenizer, NGram 2 and 3, a
 *                   broadcast join of unigrams, bigrams and trigrams to the alias table of the
 *                   bundled dictionaries, counts grouped by source (the file's country code) x actor
 */
public final class BaselineJobs {
  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[2]"))
        .appName("baseline-" + args[0]).config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        // The glob names 10,952 files. Above 32 paths Spark lists them in a job of one task per path
        // (at most 10,000), and every task deserialises the session's Hadoop configuration: 37 of the
        // scan's 47 s (event log, 2026-12-02). Listing them on the driver, as the job's own
        // InputListing does, takes a second, and leaves the baselines measuring the read.
        .config("spark.sql.sources.parallelPartitionDiscovery.threshold", "1000000").getOrCreate();
    long t0 = System.nanoTime();
    if (args[0].equals("scan")) {
      // the binaryFile source, not SparkContext.binaryFiles: that one deserialises the whole
      // combined split again for every file it opens (quadratic in the files per task)
      long chars = spark.read().format("binaryFile").load(args[1])
          .agg(sum(length(decode(col("content"), "UTF-8")))).first().getLong(0);
      System.out.println("scan: chars " + chars);
    } else {
      List<Row> aliases = new ArrayList<>();
      DictionaryLoader.Loaded d = DictionaryLoader.load(List.of("builtin:countries.yaml", "builtin:igos.yaml",
          "builtin:organisations.yaml", "builtin:people.yaml", "builtin:roles.yaml"));
      for (DictionaryModel.ActorDef a : d.actors) {
        List<DictionaryModel.AliasDef> all = new ArrayList<>(a.aliases);
        all.addAll(a.demonyms);
        all.addAll(a.metonyms);
        for (DictionaryModel.AliasDef x : all) {
          String p = String.join(" ", x.text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).trim();
          if (!p.isEmpty() && p.split(" ").length <= 3) {
            aliases.add(RowFactory.create(p, a.id));
          }
        }
      }
      Dataset<Row> table = spark.createDataFrame(aliases, new StructType().add("phrase", DataTypes.StringType)
          .add("actor_id", DataTypes.StringType)).dropDuplicates("phrase");
      Dataset<Row> docs = spark.read().option("wholetext", true).text(args[1])
          .withColumn("source", regexp_extract(input_file_name(), "([A-Z]{3})_[0-9]+_[0-9]{4}\\.txt$", 1));
      Dataset<Row> grams = new Pipeline().setStages(new PipelineStage[] {
          new RegexTokenizer().setInputCol("value").setOutputCol("w1").setPattern("[^\\p{L}\\p{N}]+"),
          new NGram().setN(2).setInputCol("w1").setOutputCol("w2"),
          new NGram().setN(3).setInputCol("w1").setOutputCol("w3")}).fit(docs).transform(docs);
      Dataset<Row> counts = grams.select(col("source"), explode(concat(col("w1"), col("w2"), col("w3"))).as("phrase"))
          .join(broadcast(table), "phrase")
          .groupBy("source", "actor_id").agg(count(lit(1)).as("mentions"));
      counts.write().mode("overwrite").parquet(args[2]);
      System.out.println("naive: rows " + spark.read().parquet(args[2]).count());
    }
    System.out.printf("%s: %.1f s in Spark%n", args[0], (System.nanoTime() - t0) / 1e9);
    spark.stop();
  }
}
