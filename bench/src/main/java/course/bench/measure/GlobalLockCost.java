package course.bench.measure;

import course.bench.GlobalLockStartingPoint;
import course.bench.Stats;
import course.globallock.WordCount;
import course.support.ChildJvm;
import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of book/04_globallock.md: chapter 04's word count with 2 threads, wall and CPU time,
 * against one thread counting alone, in Java and in CPython, on the same text.
 *
 * <pre>
 * bench/measure.sh gil [words]
 * </pre>
 *
 * <p>Java runs twice, each time in a JVM of its own that times its own one-thread baseline: once
 * with the benchmark's frozen copy of chapter 04's starting point (counting while holding the
 * global lock, {@link GlobalLockStartingPoint}), once with the reference solution ({@code
 * course.globallock.WordCount} of solutions/04_globallock). Neither is the learner's exercise, so
 * the table means the same before and after chapter 04 is solved. Then, if {@code python3} is on
 * the PATH, {@code book/code/gil_python.py} counts the same text with 1 thread, 2 threads and 2
 * processes; it prints its timings, and the medians and ratios are computed here, with the same
 * {@link Stats#median} as Java's.
 *
 * <p>One thread and two threads take turns, run after run, so that both meet the same load on a
 * busy machine. The speed-up is one thread's median wall time divided by two threads' median wall
 * time: the ratio of the two figures printed beside it.
 */
public final class GlobalLockCost {

  static final String[] WORDS = {
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "thread",
    "lock",
    "café",
    "naïve",
    "Zürich",
    "東京",
    "mañana",
    "42",
    "don't",
    "well-known",
    "слово",
    "…"
  };
  static final int WARMUP = 3;
  static final int RUNS = 7;

  /** Counts per timed run: one count takes well under 100 ms, too short to time on its own. */
  static final int REPEAT = 4;

  static final int DEFAULT_WORDS = 6_000_000;
  static final Path PYTHON_HALF = Path.of("book", "code", "gil_python.py");

  private GlobalLockCost() {}

  public static void main(String[] args) throws Exception {
    int words = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_WORDS;
    if (words < 1) {
      throw new IllegalArgumentException("words must be at least 1, got " + words);
    }
    for (var code : List.of("starting-point", "solution")) {
      var command = new ArrayList<>(ChildJvm.command(JavaHalf.class));
      command.addAll(List.of(code, String.valueOf(words)));
      int status = new ProcessBuilder(command).inheritIO().start().waitFor();
      if (status != 0) {
        throw new IllegalStateException("the Java half (" + code + ") exited with " + status);
      }
    }
    pythonHalf(words);
  }

  /** One Java half, in a JVM of its own: {@code starting-point} or {@code solution}, then words. */
  public static final class JavaHalf {

    private JavaHalf() {}

    public static void main(String[] args) throws Exception {
      String code = args[0];
      int nWords = Integer.parseInt(args[1]);
      String label =
          switch (code) {
            case "starting-point" -> "counting under the global lock";
            case "solution" -> "lock released";
            default ->
                throw new IllegalArgumentException("starting-point or solution, not " + code);
          };
      Counter two =
          code.equals("solution")
              ? t -> WordCount.count(t, 2)
              : t -> GlobalLockStartingPoint.count(t, 2);
      String text = makeText(nWords);
      Counter one = Chunks::countWordsUnobserved;
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
      System.out.printf(
          Locale.ROOT,
          "Java %s, %.1f MB, %d words, median of %d runs of %d counts, %d cores,"
              + " load average %.1f: %s%n",
          Runtime.version().feature(),
          text.getBytes(StandardCharsets.UTF_8).length / 1e6,
          nWords,
          RUNS,
          REPEAT,
          Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          label);
      table("Java", List.of(new Row("1 thread", ones), new Row("2 threads, " + label, twos)));
    }
  }

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

  /** One line of a table: a way of counting and its timed runs. */
  record Row(String name, List<Timing> timings) {}

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
        throw new IllegalStateException("counted " + words + ", expected " + expected);
      }
    }
    return new Timing(
        (System.nanoTime() - wall0) / 1e6 / REPEAT, (cpuNanos() - cpu0) / 1e6 / REPEAT);
  }

  /**
   * Median wall and CPU time of each row, CPU / wall of those medians, and the first row's median
   * wall time divided by this row's: every ratio comes from the figures printed beside it.
   */
  static void table(String language, List<Row> rows) {
    System.out.printf("| %s | wall ms | CPU ms | CPU / wall | speed-up |%n", language);
    System.out.println("| --- | ---: | ---: | ---: | ---: |");
    double baseWall = Stats.median(rows.getFirst().timings().stream().map(Timing::wallMs).toList());
    for (var row : rows) {
      double wall = Stats.median(row.timings().stream().map(Timing::wallMs).toList());
      double cpu = Stats.median(row.timings().stream().map(Timing::cpuMs).toList());
      System.out.printf(
          Locale.ROOT,
          "| %s | %.0f | %.0f | %.2f | %.2fx |%n",
          row.name(),
          wall,
          cpu,
          cpu / wall,
          baseWall / wall);
    }
  }

  /**
   * Runs gil_python.py, which prints one {@code python,version,MB,words,runs,cores,load} line and
   * one {@code run,way,wall ms,CPU ms} line per timed count, and prints its table.
   */
  private static void pythonHalf(int words) throws IOException, InterruptedException {
    if (!Files.isRegularFile(PYTHON_HALF)) {
      throw new IllegalStateException(
          "no " + PYTHON_HALF + " here: run bench/measure.sh from the course's folder");
    }
    Process python;
    try {
      python =
          new ProcessBuilder("python3", PYTHON_HALF.toString(), String.valueOf(words))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
    } catch (IOException e) {
      System.out.println("python3 not found: skipping the Python half.");
      return;
    }
    Map<String, List<Timing>> ways = new LinkedHashMap<>();
    String[] about = null;
    try (var lines =
        new BufferedReader(
            new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
      for (var line = lines.readLine(); line != null; line = lines.readLine()) {
        var cells = line.split(",");
        switch (cells[0]) {
          case "python" -> about = cells;
          case "run" ->
              ways.computeIfAbsent(cells[1], way -> new ArrayList<>())
                  .add(new Timing(Double.parseDouble(cells[2]), Double.parseDouble(cells[3])));
          default -> throw new IllegalStateException("gil_python.py printed: " + line);
        }
      }
    }
    int status = python.waitFor();
    if (status != 0 || about == null || ways.isEmpty()) {
      throw new IllegalStateException("gil_python.py failed (exit status " + status + ")");
    }
    System.out.printf(
        "Python %s, %s MB, %s words, median of %s runs, %s cores, load average %s%n",
        about[1], about[2], about[3], about[4], about[5], about[6]);
    var rows = new ArrayList<Row>();
    ways.forEach((way, timings) -> rows.add(new Row(way, timings)));
    table("Python", rows);
  }
}
