package course.bench.measure;

import course.bench.Stats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of book/bench.md from several runs of the benchmark: for each approach and worker
 * count, the median MB/s over the runs, the speed-up recomputed from those medians (the median MB/s
 * over the sequential median), and every run's own figure beside them.
 *
 * <pre>
 * bench/measure.sh bench-table run1.csv run2.csv run3.csv
 * </pre>
 *
 * <p>Each file is a {@code target/bench/wordcount.csv} of one run ({@code
 * approach,workers,mb_per_s,speedup_vs_sequential}).
 */
public final class BenchTable {

  private BenchTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println(
          "usage: bench/measure.sh bench-table wordcount.csv [more wordcount.csv ...]");
      System.exit(2);
    }
    Map<String, List<Double>> runs = new LinkedHashMap<>();
    for (var file : args) {
      for (var line : Files.readAllLines(Path.of(file)).subList(1, lines(file))) {
        var cells = line.split(",");
        runs.computeIfAbsent(cells[0] + "," + cells[1], key -> new ArrayList<>())
            .add(Double.parseDouble(cells[2]));
      }
    }
    double sequential = Stats.median(runs.get("sequential,1"));
    System.out.printf(
        "| approach | workers | MB/s (median of %d) | speed-up | the runs, MB/s |%n", args.length);
    System.out.println("| --- | ---: | ---: | ---: | --- |");
    runs.forEach(
        (key, values) -> {
          var cells = key.split(",");
          double median = Stats.median(values);
          System.out.printf(
              Locale.ROOT,
              "| %s | %s | %.1f | %.2fx | %s |%n",
              cells[0],
              cells[1],
              median,
              median / sequential,
              String.join(", ", values.stream().map(v -> "%.1f".formatted(v)).toList()));
        });
  }

  private static int lines(String file) throws IOException {
    return Files.readAllLines(Path.of(file)).size();
  }
}
