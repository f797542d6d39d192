import course.globallock.WordCount;
import course.support.Chunks;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java half of the table in book/04_globallock.md: chapter 04's WordCount with 2 threads,
 * wall and CPU time, against one thread counting alone.
 *
 * <p>It calls whichever {@code course.globallock.WordCount} is on the classpath: the exercise's
 * starting point (counting while holding the global lock) or the solution (counting without it).
 * book/code/measure-gil.sh runs it once with each; run that script, not this file.
 *
 * <p>One thread and two threads take turns, run after run, so that both meet the same load on a
 * busy machine; the speed-up is the median of the per-run ratios.
 */
public class GilJava {

  static final String[] WORDS = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog",
      "thread", "lock", "café", "naïve", "Zürich", "東京", "mañana", "42", "don't", "well-known",
      "слово", "…"};
  static final int WARMUP = 3;
  static final int RUNS = 7;
  /** Counts per timed run: one count takes well under 100 ms, too short to time on its own. */
  static final int REPEAT = 4;

  /** The same text as gil_python.py's make_text: a 64-bit LCG picks each word. */
  static String makeText(int nWords) {
    long x = 42;
    var text = new StringBuilder(nWords * 7);
    for (int i = 0; i < nWords; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      if (i > 0) {
        text.append(' ');
      }
      text.append(WORDS[(int) ((x >>> 33) % WORDS.length)]);
    }
    return text.toString();
  }

  interface Counter {
    long count(String text) throws Exception;
  }

  /** Wall and CPU milliseconds of one count. */
  record Timing(double wallMs, double cpuMs) {}

  static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
  }

  /** Times REPEAT counts and returns the time of one; checks every answer. */
  static Timing time(Counter counter, String text, long expected) throws Exception {
    long wall0 = System.nanoTime();
    long cpu0 = cpuNanos();
    for (int i = 0; i < REPEAT; i++) {
      long words = counter.count(text);
      if (words != expected) {
        throw new AssertionError("counted " + words + ", expected " + expected);
      }
    }
    return new Timing((System.nanoTime() - wall0) / 1e6 / REPEAT,
        (cpuNanos() - cpu0) / 1e6 / REPEAT);
  }

  static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  public static void main(String[] args) throws Exception {
    String label = args.length > 0 ? String.join(" ", args) : "WordCount.count";
    int nWords = Integer.getInteger("words", 6_000_000);
    String text = makeText(nWords);
    Counter one = Chunks::countWordsUnobserved;
    Counter two = t -> WordCount.count(t, 2);
    var ones = new ArrayList<Timing>();
    var twos = new ArrayList<Timing>();
    for (int run = 0; run < WARMUP + RUNS; run++) {
      var a = time(one, text, nWords);
      var b = time(two, text, nWords);
      if (run >= WARMUP) {
        ones.add(a);
        twos.add(b);
      }
    }
    System.out.printf("Java %s, %.1f MB, %d words, median of %d runs of %d counts, %d cores,"
            + " load average %.1f: %s%n",
        Runtime.version().feature(), text.getBytes(StandardCharsets.UTF_8).length / 1e6, nWords,
        RUNS, REPEAT, Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), label);
    System.out.println("| Java | wall ms | CPU ms | CPU / wall | speed-up |");
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    row("1 thread", ones, ones);
    row("2 threads, " + label, twos, ones);
  }

  /** Medians of wall, CPU, CPU / wall and (per run) baseline wall / this wall. */
  static void row(String name, List<Timing> timings, List<Timing> baseline) {
    var walls = new ArrayList<Double>();
    var cpus = new ArrayList<Double>();
    var busy = new ArrayList<Double>();
    var speedUps = new ArrayList<Double>();
    for (int i = 0; i < timings.size(); i++) {
      var t = timings.get(i);
      walls.add(t.wallMs());
      cpus.add(t.cpuMs());
      busy.add(t.cpuMs() / t.wallMs());
      speedUps.add(baseline.get(i).wallMs() / t.wallMs());
    }
    System.out.printf("| %s | %.0f | %.0f | %.2f | %.2fx |%n",
        name, median(walls), median(cpus), median(busy), median(speedUps));
  }
}
