package course.bench;

import course.support.Chunks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the word-count benchmark and reports it: a table on the console, {@code wordcount.csv},
 * {@code wordcount-by-size.csv} and {@code wordcount.png} in the output folder.
 *
 * <pre>
 * java -cp ... course.bench.Main [--mine] [--quick] [--sizes 1,10,100] [--approaches a,b]
 *                                [--out target/bench] [--corpus .course/bench]
 * </pre>
 */
public final class Main {

  /** One measurement: an approach with some workers on a corpus of some size. */
  record Row(int sizeMb, String label, int workers, double mbPerS, double errorMbPerS) {}

  private Main() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    var options = Options.parse(args);
    Files.createDirectories(options.out);

    int cores = Runtime.getRuntime().availableProcessors();
    // The whole curve: 1, 2, 4, ... workers, and the number of cores (on 2 cores: 1 and 2).
    var workerCounts = new TreeSet<>(List.of(1, 2, cores));
    for (int workers = 4; workers < cores; workers *= 2) {
      workerCounts.add(workers);
    }
    System.out.printf(
        Locale.ROOT,
        "Word-count benchmark: %s, %d cores, JDK %s, sizes %s MB%n",
        options.mine ? "your exercises (--mine)" : "the reference solutions",
        cores,
        Runtime.version(),
        options.sizes);

    // run.sh measures the load before it builds, so that the build's own work does not count.
    double load =
        options.loadBefore >= 0
            ? options.loadBefore
            : ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load > 1.0) {
      System.out.printf(
          Locale.ROOT,
          "  Warning: the load average is %.1f: other programs are using"
              + " the CPU, so the speed-ups will be low and noisy. Close them and run again.%n",
          load);
    }

    var corpora = new ArrayList<Path>();
    for (int size : options.sizes) {
      corpora.add(Corpus.ensure(options.corpus, size));
    }

    var approaches = new ArrayList<Approach>();
    for (var approach : options.approaches) {
      var problem = check(approach);
      if (problem.isPresent()) {
        System.out.printf("  skipped %-22s %s%n", approach.label(), problem.get());
      } else {
        approaches.add(approach);
      }
    }

    if (options.approaches.contains(Approach.SEQUENTIAL)
        && !approaches.contains(Approach.SEQUENTIAL)) {
      System.out.println(
          "  Without a working sequential counter (exercise 01) there is no"
              + " baseline: the speed-ups stay blank.");
    }

    var rows = new ArrayList<Row>();
    for (int i = 0; i < options.sizes.size(); i++) {
      int size = options.sizes.get(i);
      for (var approach : approaches) {
        for (int workers : approach.takesWorkers() ? workerCounts : List.of(1)) {
          measure(options, size, corpora.get(i), approach, workers).ifPresent(rows::add);
        }
      }
    }

    int largest = options.sizes.getLast();
    var largestCorpus = corpora.getLast();
    var wc = WcBaseline.measure(largestCorpus);
    wc.ifPresent(w -> rows.add(new Row(largest, WcBaseline.LABEL, 1, w.mbPerS(), 0)));

    Report.print(
        rows,
        options.sizes,
        wc.orElse(null),
        Chunks.countWordsUnobserved(Corpus.load(largestCorpus)));
    Report.writeCsv(options.out.resolve("wordcount.csv"), rows, largest, false);
    Report.writeCsv(options.out.resolve("wordcount-by-size.csv"), rows, largest, true);
    var title =
        "Word count, %d MB, %s, %d cores (%s)"
            .formatted(
                largest,
                options.mine ? "your code" : "reference solutions",
                cores,
                LocalDate.now(ZoneOffset.UTC));
    Chart.write(options.out.resolve("wordcount.png"), title, Report.at(rows, largest));
    System.out.printf(
        "%nWrote %s, %s and %s (benchmark %s).%n",
        options.out.resolve("wordcount.csv"),
        options.out.resolve("wordcount-by-size.csv"),
        options.out.resolve("wordcount.png"),
        format(Duration.ofNanos(System.nanoTime() - started)));
  }

  /**
   * Tries an approach on a small text first, in this JVM, with a time limit: a learner's unfinished
   * or wrong exercise is skipped with a reason instead of failing the whole run.
   */
  private static Optional<String> check(Approach approach) {
    var text = new String(Corpus.generate(200_000), StandardCharsets.UTF_8);
    long expected = Chunks.countWordsUnobserved(text);
    var result = new CompletableFuture<Long>();
    // A daemon thread, not an executor: closing an executor would wait for a learner's hang.
    Thread.ofPlatform()
        .daemon()
        .name("bench-check")
        .start(
            () -> {
              try {
                result.complete(approach.count(text, 2));
              } catch (Throwable e) {
                result.completeExceptionally(e);
              }
            });
    try {
      long got = result.get(60, TimeUnit.SECONDS);
      return got == expected
          ? Optional.empty()
          : Optional.of(
              "counts %d words in a text of %d: fix it first (./verify.sh)"
                  .formatted(got, expected));
    } catch (TimeoutException e) {
      return Optional.of("did not finish within 60 s on a 200 kB text: fix it first");
    } catch (ExecutionException e) {
      var cause = e.getCause();
      return Optional.of(
          cause instanceof UnsupportedOperationException
              ? "not done yet (" + cause.getMessage() + ")"
              : "fails: " + cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /** Runs JMH for one approach, size and worker count; empty if the run failed. */
  private static Optional<Row> measure(
      Options options, int size, Path corpus, Approach approach, int workers) throws IOException {
    boolean large = size >= 50;
    int warmups = options.quick ? 1 : large ? 3 : 2;
    int measurements = options.quick ? 1 : large ? 5 : 3;
    var iteration =
        options.quick
            ? TimeValue.milliseconds(200)
            : large ? TimeValue.seconds(1) : TimeValue.milliseconds(500);
    var log =
        options
            .out
            .resolve("jmh")
            .resolve("%dMB-%s-%d.log".formatted(size, approach.label(), workers));
    Files.createDirectories(log.getParent());
    var jmh =
        new OptionsBuilder()
            .include(WordCountBenchmark.class.getName() + ".count")
            .param("approach", approach.name())
            .param("workers", String.valueOf(workers))
            .param("corpus", corpus.toAbsolutePath().toString())
            .forks(1)
            .warmupIterations(warmups)
            .warmupTime(iteration)
            .measurementIterations(measurements)
            .measurementTime(iteration)
            .timeout(TimeValue.minutes(2))
            .jvmArgsAppend("-Xms3g", "-Xmx3g")
            .shouldFailOnError(true)
            .output(log.toString())
            .build();
    System.out.printf(
        Locale.ROOT,
        "  %4d MB  %-22s %2d worker%s ",
        size,
        approach.label(),
        workers,
        workers == 1 ? " " : "s");
    System.out.flush();
    try {
      var results = new Runner(jmh).run();
      RunResult result = results.iterator().next();
      double msPerOp = result.getPrimaryResult().getScore();
      double errorMs = result.getPrimaryResult().getScoreError();
      double mbPerS = size * 1000.0 / msPerOp;
      // The error of a rate: d(size/t) = size/t^2 dt.
      double errorMbPerS = Double.isNaN(errorMs) ? 0 : mbPerS * errorMs / msPerOp;
      System.out.printf(Locale.ROOT, "%8.1f MB/s%n", mbPerS);
      return Optional.of(new Row(size, approach.label(), workers, mbPerS, errorMbPerS));
    } catch (RunnerException | RuntimeException e) {
      System.out.printf("failed: see %s%n", log);
      return Optional.empty();
    }
  }

  static String format(Duration duration) {
    return "%d min %02d s".formatted(duration.toMinutes(), duration.toSecondsPart());
  }

  /** The command line. */
  private record Options(
      boolean mine,
      boolean quick,
      List<Integer> sizes,
      List<Approach> approaches,
      Path out,
      Path corpus,
      double loadBefore) {

    static Options parse(String[] args) {
      boolean mine = false;
      boolean quick = false;
      List<Integer> sizes = List.of(1, 10, 100);
      List<Approach> approaches = List.of(Approach.values());
      Path out = Path.of("target", "bench");
      Path corpus = Path.of(".course", "bench");
      double loadBefore = -1;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--mine" -> mine = true;
          case "--quick" -> quick = true;
          case "--sizes" ->
              sizes =
                  Arrays.stream(args[++i].split(","))
                      .map(String::strip)
                      .map(Integer::valueOf)
                      .sorted()
                      .distinct()
                      .toList();
          case "--approaches" ->
              approaches =
                  Arrays.stream(args[++i].split(",")).map(String::strip).map(Approach::of).toList();
          case "--out" -> out = Path.of(args[++i]);
          case "--corpus" -> corpus = Path.of(args[++i]);
          case "--load-before" -> loadBefore = Double.parseDouble(args[++i]);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + "; known: --mine --quick --sizes 1,10,100 --approaches sequential,threads"
                      + " --out DIR --corpus DIR");
        }
      }
      if (quick && args.length > 0 && !Arrays.asList(args).contains("--sizes")) {
        sizes = List.of(1);
      }
      if (sizes.isEmpty() || sizes.getFirst() < 1 || sizes.getLast() > 1000) {
        throw new IllegalArgumentException("sizes are MB from 1 to 1000, got " + sizes);
      }
      return new Options(mine, quick, sizes, approaches, out, corpus, loadBefore);
    }
  }
}
