package course.bench.measure;

import course.bench.Stats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The summary of a script that times from outside Java (runner/measure.sh, which drives ./verify.sh
 * as a learner does): it reads lines {@code label: n n n} from stdin, times in milliseconds, and
 * prints {@code label median M ms (runs: n n n)} for each, with the course's one median. A label
 * with no runs is printed as such, so that a missing series shows.
 *
 * <pre>
 * printf 'one-shot: 812 790 845\n' | bench/measure.sh runs
 * </pre>
 */
public final class RunMedians {

  private RunMedians() {}

  public static void main(String[] args) throws IOException {
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (var line = in.readLine(); line != null; line = in.readLine()) {
      System.out.println(summary(line));
    }
  }

  /** One series, {@code label: n n n}, as one summary line. */
  static String summary(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected 'label: n n n', got: " + line);
    }
    var label = line.substring(0, colon + 1);
    var after = line.substring(colon + 1);
    var runs = after.strip();
    // The spaces after the colon are kept: they align the scripts' lines.
    var gap = " ".repeat(Math.max(1, after.length() - after.stripLeading().length()));
    if (runs.isEmpty()) {
      return label + " no runs";
    }
    var millis = Arrays.stream(runs.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    return String.format(
        Locale.ROOT, "%s%smedian %.0f ms  (runs: %s)", label, gap, Stats.median(millis), runs);
  }
}
