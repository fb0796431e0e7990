// MALLET 2.1.1 ParallelTopicModel on token lists Actorscope wrote (benchmark only; run by scripts/bench-topics
// with the classpath scripts/mallet/pom.xml resolves). Same tokens, vocabulary and k as our model.
//   java -cp MALLET_CP scripts/mallet/MalletLda.java TOKENS.txt K ITERATIONS THREADS SEED TOPN OPTIMIZE_INTERVAL BURN_IN
// TOKENS.txt: one document per line, tokens separated by spaces (an empty line: a document without terms).
// Prints: "seconds S" (addInstances + estimate: initialisation and sampling), "alpha_sum A", "beta B",
// one "topic T w1 w2 ..." line per topic, then one "dominant D" line per document (-1: no tokens).
import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.IDSorter;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

public class MalletLda {
  public static void main(String[] a) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(a[0]), StandardCharsets.UTF_8);
    int k = Integer.parseInt(a[1]);
    int iterations = Integer.parseInt(a[2]);
    int threads = Integer.parseInt(a[3]);
    int seed = Integer.parseInt(a[4]);
    int topn = Integer.parseInt(a[5]);
    int optimize = Integer.parseInt(a[6]);
    int burnIn = Integer.parseInt(a[7]);
    Logger.getLogger("").setLevel(Level.WARNING);
    Alphabet alphabet = new Alphabet();
    InstanceList list = new InstanceList(alphabet, null);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      String[] tokens = l.isEmpty() ? new String[0] : l.split(" ");
      FeatureSequence fs = new FeatureSequence(alphabet, Math.max(1, tokens.length));
      for (String t : tokens) {
        fs.add(t);
      }
      list.add(new Instance(fs, null, "d" + i, null));
    }
    ParallelTopicModel m = new ParallelTopicModel(k, 5.0, 0.01);
    m.setRandomSeed(seed);
    m.setNumThreads(threads);
    m.setNumIterations(iterations);
    m.setOptimizeInterval(optimize);
    m.setBurninPeriod(burnIn);
    m.setTopicDisplay(0, 0);
    m.printLogLikelihood = false;
    long t0 = System.nanoTime();
    m.addInstances(list);
    m.estimate();
    double seconds = (System.nanoTime() - t0) / 1e9;
    StringBuilder out = new StringBuilder();
    out.append("seconds ").append(seconds).append('\n');
    out.append("alpha_sum ").append(m.alphaSum).append('\n');
    out.append("beta ").append(m.beta).append('\n');
    List<TreeSet<IDSorter>> sorted = m.getSortedWords();
    for (int t = 0; t < k; t++) {
      out.append("topic ").append(t);
      Iterator<IDSorter> it = sorted.get(t).iterator();
      for (int n = 0; n < topn && it.hasNext(); n++) {
        out.append(' ').append(alphabet.lookupObject(it.next().getID()));
      }
      out.append('\n');
    }
    for (int d = 0; d < list.size(); d++) {
      int dominant = -1;
      if (((FeatureSequence) list.get(d).getData()).getLength() > 0) {
        double[] p = m.getTopicProbabilities(d);
        dominant = 0;
        for (int t = 1; t < k; t++) {
          if (p[t] > p[dominant]) {
            dominant = t;
          }
        }
      }
      out.append("dominant ").append(dominant).append('\n');
    }
    System.out.print(out);
  }
}
