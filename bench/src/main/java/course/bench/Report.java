package course.bench;

import course.bench.Main.Row;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** The console table and the CSV files. */
final class Report {

  private Report() {}

  /** The rows measured on the corpus of {@code sizeMb} MB. */
  static List<Row> at(List<Row> rows, int sizeMb) {
    return rows.stream().filter(row -> row.sizeMb() == sizeMb).toList();
  }

  /** The sequential approach's rate at that size: the baseline of every speed-up. */
  static OptionalDouble sequential(List<Row> rows, int sizeMb) {
    return at(rows, sizeMb).stream()
        .filter(row -> row.label().equals(Approach.SEQUENTIAL.label()))
        .mapToDouble(Row::mbPerS)
        .findFirst();
  }

  static OptionalDouble speedup(List<Row> rows, Row row) {
    var baseline = sequential(rows, row.sizeMb());
    return baseline.isPresent()
        ? OptionalDouble.of(row.mbPerS() / baseline.getAsDouble())
        : OptionalDouble.empty();
  }

  static void print(List<Row> rows, List<Integer> sizes, WcBaseline.Result wc, long javaWords) {
    for (int size : sizes) {
      System.out.printf(Locale.ROOT, "%n%d MB corpus%n", size);
      System.out.printf(
          "  %-22s %7s %10s %8s %10s%n", "approach", "workers", "MB/s", "± MB/s", "speed-up");
      for (var row : at(rows, size)) {
        var speedup = speedup(rows, row);
        System.out.printf(
            Locale.ROOT,
            "  %-22s %7d %10.1f %8.1f %10s%n",
            row.label(),
            row.workers(),
            row.mbPerS(),
            row.errorMbPerS(),
            speedup.isPresent() ? "%.2fx".formatted(speedup.getAsDouble()) : "-");
      }
    }
    int largest = sizes.getLast();
    var sequential = sequential(rows, largest);
    if (wc != null && sequential.isPresent()) {
      System.out.printf(
          Locale.ROOT,
          "%nSide by side on the %d MB file: Java sequential %.1f MB/s, %s %.1f MB/s:"
              + " Java is %.2fx faster.%n  Words counted: Java %d, wc %d (%s, LC_ALL=C.UTF-8).%n",
          largest,
          sequential.getAsDouble(),
          WcBaseline.LABEL,
          wc.mbPerS(),
          sequential.getAsDouble() / wc.mbPerS(),
          javaWords,
          wc.words(),
          wc.version());
    }
    System.out.println(
        """

        MB/s: megabytes (10^6 bytes of UTF-8) counted per second; ± is JMH's 99.9% interval.
        speed-up: MB/s over the sequential approach's MB/s on the same corpus.""");
  }

  /**
   * Writes {@code approach,workers,mb_per_s,speedup_vs_sequential} for the largest corpus, or every
   * size with a leading {@code size_mb} column.
   */
  static void writeCsv(Path file, List<Row> rows, int largest, boolean allSizes)
      throws IOException {
    var csv =
        new StringBuilder(allSizes ? "size_mb," : "")
            .append("approach,workers,mb_per_s,speedup_vs_sequential\n");
    for (var row : allSizes ? rows : at(rows, largest)) {
      var speedup = speedup(rows, row);
      if (allSizes) {
        csv.append(row.sizeMb()).append(',');
      }
      csv.append(row.label())
          .append(',')
          .append(row.workers())
          .append(',')
          .append(String.format(Locale.ROOT, "%.1f", row.mbPerS()))
          .append(',')
          .append(
              speedup.isPresent() ? String.format(Locale.ROOT, "%.2f", speedup.getAsDouble()) : "")
          .append('\n');
    }
    Files.writeString(file, csv);
  }
}
