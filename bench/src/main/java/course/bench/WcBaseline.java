package course.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The yardstick outside Java: {@code wc -w} on the same file, timed from here.
 *
 * <p>It runs with {@code LC_ALL=C.UTF-8}, so that it reads the file as UTF-8 and treats Unicode
 * spaces as spaces, close to Java's definition of a word; its word count is printed beside Java's
 * so any difference shows. One run warms the page cache, the median of five is kept.
 */
final class WcBaseline {

  static final String LABEL = "wc -w";

  /** The median rate of five runs, the words wc counted, and its version line. */
  record Result(double mbPerS, long words, String version) {}

  private WcBaseline() {}

  static Optional<Result> measure(Path corpus) throws IOException, InterruptedException {
    var wc = onPath("wc");
    if (wc.isEmpty()) {
      System.out.println("  (no wc on the PATH: no comparison with wc -w)");
      return Optional.empty();
    }
    double megabytes = Files.size(corpus) / (double) Corpus.MB;
    long words = run(wc.get(), corpus); // warms the page cache
    var seconds = new double[5];
    for (int i = 0; i < seconds.length; i++) {
      long start = System.nanoTime();
      run(wc.get(), corpus);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    double mbPerS = megabytes / Stats.median(seconds);
    System.out.printf(
        java.util.Locale.ROOT,
        "  %4.0f MB  %-22s           %8.1f MB/s%n",
        megabytes,
        LABEL,
        mbPerS);
    return Optional.of(new Result(mbPerS, words, version(wc.get())));
  }

  private static long run(Path wc, Path corpus) throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(wc.toString(), "-w")
            .redirectInput(corpus.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("LC_ALL", "C.UTF-8");
    var process = builder.start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException("wc -w failed on " + corpus);
    }
    return Long.parseLong(output.strip());
  }

  private static String version(Path wc) {
    try {
      var process =
          new ProcessBuilder(wc.toString(), "--version").redirectErrorStream(true).start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return process.exitValue() == 0 ? output.lines().findFirst().orElse("wc") : "wc";
    } catch (IOException | InterruptedException e) {
      return "wc";
    }
  }

  private static Optional<Path> onPath(String command) {
    var path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Arrays.stream(path.split(File.pathSeparator))
        .map(folder -> Path.of(folder, command))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
