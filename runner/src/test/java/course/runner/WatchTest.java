package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@code ./verify.sh watch}, driven by a script: saves made on disk, keys typed on its input, its
 * screen read back. Exercise 01 is the one on screen (00 solved).
 */
class WatchTest {

  private static final long WAIT_MILLIS = 300_000; // a busy 2-core machine

  @Test
  void shows_the_verdict_on_the_code_on_disk_and_answers_a_stub_save_quickly() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("00");
      var exercise = copy.exercise("01");
      var file = exercise.mainSources().resolve("course/sequential/WordCount.java");
      var stub = Files.readString(file);
      var solution =
          Files.readString(exercise.solutionSources().resolve("course/sequential/WordCount.java"));
      var screen = new ByteArrayOutputStream();
      var keys = new PipedOutputStream();
      var input = new PipedInputStream(keys);
      var watch =
          new Watch(
              copy.course(),
              false,
              new Ansi(false),
              new PrintStream(screen, true, StandardCharsets.UTF_8));
      var done = CompletableFuture.supplyAsync(() -> run(watch, input));

      awaitScreen(screen, text -> rounds(text) >= 1);
      assertTrue(text(screen).contains("✗ 01_sequential"), text(screen));

      // The solution, then the stub back 0.3 s later: the screen must end on the stub's verdict,
      // whether or not the solution's check finished in between.
      int mark = text(screen).length();
      Files.writeString(file, solution);
      Thread.sleep(300);
      Files.writeString(file, stub + "\n// back to the stub\n");
      awaitScreen(
          screen,
          text -> {
            int failed = text.lastIndexOf("✗ 01_sequential");
            int passed = text.lastIndexOf("✓ 01_sequential");
            return failed > mark
                && failed > passed
                && text.lastIndexOf("Watching your files") > failed;
          });
      assertTrue(text(screen).contains("Checking 01_sequential"), "watch says what it checks");

      // Ten saves of the stub: from each save to its verdict on screen.
      var millis = new ArrayList<Long>();
      for (int i = 0; i < 10; i++) {
        Thread.sleep(300);
        int before = rounds(text(screen));
        long start = System.nanoTime();
        Files.writeString(file, stub + "\n// save " + i + "\n");
        awaitScreen(screen, text -> rounds(text) > before);
        millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
      var sorted = millis.stream().sorted().toList();
      long median = (sorted.get(4) + sorted.get(5)) / 2;
      var report =
          "watch, save of a stub to its verdict: median " + median + " ms (saves: " + millis + ")";
      System.out.println(report);
      Files.writeString(Path.of("target/watch-latency.txt"), report + "\n");

      keys.write("q\n".getBytes(StandardCharsets.UTF_8));
      keys.flush();
      assertEquals(0, done.get(60, TimeUnit.SECONDS), "q quits watch");
    }
  }

  private static int run(Watch watch, PipedInputStream input) {
    try {
      return watch.run(input);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(ByteArrayOutputStream screen) {
    return screen.toString(StandardCharsets.UTF_8);
  }

  private static int rounds(String text) {
    return text.split("Watching your files", -1).length - 1;
  }

  private static void awaitScreen(ByteArrayOutputStream screen, Predicate<String> ready)
      throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MILLIS;
    while (!ready.test(text(screen))) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError(
            "watch did not show what was expected; its screen:\n" + text(screen));
      }
      Thread.sleep(5);
    }
  }
}
