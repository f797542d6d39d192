package course.bench.measure;

import course.bench.Stats;
import course.support.Chunks;
import course.support.SlowSource;
import course.support.testing.Texts;
import course.virtualthreads.WordCount;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * Measures where virtual threads help: 1,000 sources that each block for 20 ms (I/O-bound), and the
 * same number of sources that answer at once but hold text to count (CPU-bound), on virtual threads
 * and on platform pools of several sizes (up to one platform thread per source). Book chapter 10
 * quotes its output.
 *
 * <pre>
 * bench/measure.sh virtual-vs-platform [runs]
 * </pre>
 *
 * <p>Each figure is the median of 5 runs (or the number given), after one warm-up run. Wall-clock
 * time, in milliseconds. The CPU-bound pool has one thread per core of the machine it runs on.
 */
public final class VirtualVsPlatform {

  private static final int SOURCES = 1_000;

  private VirtualVsPlatform() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    System.out.printf(
        "cores: %d, load %.1f%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

    var blocking = sources(Duration.ofMillis(20), 10);
    System.out.printf("%nI/O-bound: %,d sources, each blocking 20 ms, 10 words each%n", SOURCES);
    report(runs, "virtual threads, one per source", () -> WordCount.countAll(blocking));
    for (int threads : new int[] {8, 64, 256, 1_000}) {
      report(
          runs,
          "platform pool of " + threads,
          () -> WordCount.countAllOnPlatformThreads(blocking, threads));
    }

    var counting = sources(Duration.ZERO, 2_000);
    System.out.printf("%nCPU-bound: %,d sources, no waiting, 2,000 words each%n", SOURCES);
    report(runs, "virtual threads, one per source", () -> WordCount.countAll(counting));
    int cores = Runtime.getRuntime().availableProcessors();
    report(
        runs,
        "platform pool of " + cores + " (one per core)",
        () -> WordCount.countAllOnPlatformThreads(counting, cores));
    report(
        runs,
        "one thread, no pool",
        () -> {
          long total = 0;
          for (var source : counting) {
            total += Chunks.countWords(source.read());
          }
          return total;
        });
  }

  private static List<SlowSource> sources(Duration latency, int words) {
    return IntStream.range(0, SOURCES)
        .mapToObj(i -> new SlowSource("source-" + i, Texts.generate(i, words), latency))
        .toList();
  }

  private static void report(int runs, String what, Callable<Long> run) throws Exception {
    run.call(); // warm-up
    var millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      run.call();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis); // the runs are shown in order, fastest first, as before
    System.out.printf(
        "  %-36s %9.1f ms  (runs: %s)%n",
        what,
        Stats.median(millis),
        Arrays.toString(Arrays.stream(millis).mapToLong(Math::round).toArray()));
  }
}
