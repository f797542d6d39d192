package course.bench.measure;

import course.bench.Stats;
import course.forkjoin.WordCount;
import course.support.Chunks;
import course.support.testing.Texts;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.ToLongFunction;

/**
 * Measures when a parallel stream pays: the same chunked word count, sequential and parallel, and
 * the fork/join task, on texts from 100 to 1,000,000 words. Book chapter 09 quotes its output.
 *
 * <pre>
 * bench/measure.sh parallel-pays [largest text, in words]
 * </pre>
 *
 * <p>Each figure is the median of 9 rounds; a round times, one after the other, a batch of calls of
 * each counter long enough (about 50 ms) for the clock to be accurate, after a warm-up that lets
 * the JIT compile the code. It is a rough tool, not JMH: compare columns, not digits, and expect
 * other programs running on the machine to blur the figures.
 */
public final class WhenParallelPays {

  private static final int CHUNKS = 8;
  private static final int SAMPLES = 9;
  private static volatile long sink; // keeps the JIT from dropping the work

  private WhenParallelPays() {}

  public static void main(String[] args) {
    int largest = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    if (largest < 100) {
      throw new IllegalArgumentException("the largest text has at least 100 words, got " + largest);
    }
    System.out.printf(
        "cores: %d, common pool parallelism: %d, %d chunks per text, load %.1f%n",
        Runtime.getRuntime().availableProcessors(),
        ForkJoinPool.commonPool().getParallelism(),
        CHUNKS,
        load());
    System.out.printf(
        "%10s %10s %15s %15s %15s %9s%n",
        "words", "chars", "sequential µs", "parallel µs", "fork/join µs", "speed-up");
    List<ToLongFunction<String>> counters =
        List.of(
            WhenParallelPays::sequentialStream, WhenParallelPays::parallelStream, WordCount::count);
    for (int words = 100; words <= largest; words *= 10) {
      var text = Texts.generate(9, words);
      var reps = counters.stream().mapToInt(counter -> warmUp(text, counter)).toArray();
      // Rounds interleave the three counters, so that a busy moment slows all three alike. The
      // speed-up is the sequential median over the parallel median: the two figures beside it.
      var micros = new double[counters.size()][SAMPLES];
      for (int round = 0; round < SAMPLES; round++) {
        for (int c = 0; c < counters.size(); c++) {
          micros[c][round] = timeBatch(text, counters.get(c), reps[c]) / 1_000.0 / reps[c];
        }
      }
      System.out.printf(
          "%,10d %,10d %15.1f %15.1f %15.1f %8.2fx%n",
          words,
          text.length(),
          Stats.median(micros[0]),
          Stats.median(micros[1]),
          Stats.median(micros[2]),
          Stats.median(micros[0]) / Stats.median(micros[1]));
    }
  }

  /** The machine's load average over the last minute: other programs compete for the cores. */
  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static long sequentialStream(String text) {
    return Chunks.split(text, CHUNKS).stream().mapToLong(Chunks::countWords).sum();
  }

  static long parallelStream(String text) {
    return Chunks.split(text, CHUNKS).parallelStream().mapToLong(Chunks::countWords).sum();
  }

  /** Runs {@code counter} until the JIT has compiled it; returns reps for a 50 ms batch. */
  private static int warmUp(String text, ToLongFunction<String> counter) {
    int reps = 1;
    while (timeBatch(text, counter, reps) < 50_000_000L) {
      reps *= 2;
    }
    for (int i = 0; i < 5; i++) {
      timeBatch(text, counter, reps);
    }
    return reps;
  }

  private static long timeBatch(String text, ToLongFunction<String> counter, int reps) {
    long start = System.nanoTime();
    long total = 0;
    for (int i = 0; i < reps; i++) {
      total += counter.applyAsLong(text);
    }
    sink = total;
    return System.nanoTime() - start;
  }
}
