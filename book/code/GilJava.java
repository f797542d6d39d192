import course.support.Chunks;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java half of the table in book/04_globallock.md: chapter 04's word count with 2 threads,
 * wall and CPU time, against one thread counting alone.
 *
 * <p>The first argument names the code to measure: {@code starting-point}, the benchmark's frozen
 * copy of chapter 04's starting point (counting while holding the global lock, {@code
 * course.bench.GlobalLockStartingPoint}), or {@code solution}, the reference solution ({@code
 * course.globallock.WordCount} of solutions/04_globallock). Neither is the learner's exercise, so
 * the table means the same before and after chapter 04 is solved. book/code/measure-gil.sh runs it
 * once with each; run that script, not this file.
 *
 * <p>One thread and two threads take turns, run after run, so that both meet the same load on a
 * busy machine. The speed-up is one thread's median wall time divided by two threads' median wall
 * time: the ratio of the two figures printed beside it.
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
    String code = args.length > 0 ? args[0] : "solution";
    String label =
        switch (code) {
          case "starting-point" -> "counting under the global lock";
          case "solution" -> "lock released";
          default -> throw new IllegalArgumentException("starting-point or solution, not " + code);
        };
    var count =
        Class.forName(
                code.equals("solution")
                    ? "course.globallock.WordCount"
                    : "course.bench.GlobalLockStartingPoint")
            .getDeclaredMethod("count", String.class, int.class);
    count.setAccessible(true); // the benchmark's copy is package-private
    int nWords = Integer.getInteger("words", 6_000_000);
    String text = makeText(nWords);
    Counter one = Chunks::countWordsUnobserved;
    Counter two = t -> (long) count.invoke(null, t, 2);
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

  /**
   * Median wall and CPU time, CPU / wall of those medians, and the baseline's median wall time
   * divided by this median wall time: every ratio comes from the figures printed beside it.
   */
  static void row(String name, List<Timing> timings, List<Timing> baseline) {
    double wall = median(timings.stream().map(Timing::wallMs).toList());
    double cpu = median(timings.stream().map(Timing::cpuMs).toList());
    double baseWall = median(baseline.stream().map(Timing::wallMs).toList());
    System.out.printf("| %s | %.0f | %.0f | %.2f | %.2fx |%n",
        name, wall, cpu, cpu / wall, baseWall / wall);
  }
}
