// Each ISO 3166 alpha-3 code read from stdin (one a line) with its UN M49 continent, by ICU4J's region
// containment data: "AFG<TAB>Asia". Codes ICU does not know keep themselves as label. Benchmark only.
import com.ibm.icu.util.Region;
import java.io.BufferedReader;
import java.io.InputStreamReader;

public class Regions {
  public static void main(String[] a) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
    String code;
    while ((code = in.readLine()) != null) {
      code = code.strip();
      if (code.isEmpty()) {
        continue;
      }
      String label = code;
      try {
        Region c = Region.getInstance(code).getContainingRegion(Region.RegionType.CONTINENT);
        if (c != null) {
          label = c.toString().equals("019") ? "Americas" : switch (c.toString()) {
            case "002" -> "Africa";
            case "142" -> "Asia";
            case "150" -> "Europe";
            case "009" -> "Oceania";
            default -> c.toString();
          };
        }
      } catch (IllegalArgumentException e) {
        // not a region code ICU knows (e.g. EU): its own label
      }
      System.out.println(code + "\t" + label);
    }
  }
}
