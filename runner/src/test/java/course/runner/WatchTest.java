package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
  void shows_the_verdict_on_the_code_on_disk_and_answers_each_save() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("00");
      var exercise = copy.exercise("01");
      var file = exercise.mainSources().resolve("course/sequential/WordCount.java");
      var stub = Files.readString(file);
      var solution =
          Files.readString(exercise.solutionSources().resolve("course/sequential/WordCount.java"));
      try (var running = watch(copy)) {
        var screen = running.screen();

        awaitScreen(running, text -> rounds(text) >= 1);
        assertTrue(text(screen).contains("✗ 01_sequential"), text(screen));

        // The solution, then the stub back 0.3 s later: the screen must end on the stub's verdict,
        // whether or not the solution's check finished in between.
        int mark = text(screen).length();
        Files.writeString(file, solution);
        Thread.sleep(300);
        Files.writeString(file, stub + "\n// back to the stub\n");
        awaitScreen(
            running,
            text -> {
              int failed = text.lastIndexOf("✗ 01_sequential");
              int passed = text.lastIndexOf("✓ 01_sequential");
              return failed > mark
                  && failed > passed
                  && text.lastIndexOf("Watching your files") > failed;
            });
        assertTrue(text(screen).contains("Checking 01_sequential"), "watch says what it checks");

        // One more save of the stub: a new round, with its verdict. How fast it comes is
        // runner/measure.sh's question, not a test's.
        Thread.sleep(300);
        int before = rounds(text(screen));
        int seen = text(screen).length();
        Files.writeString(file, stub + "\n// saved again\n");
        awaitScreen(running, text -> rounds(text) > before);
        assertTrue(
            text(screen).substring(seen).contains("✗ 01_sequential"),
            "a save of the stub shows the stub's verdict again; the screen:\n" + text(screen));

        assertEquals(0, running.quit(), "q quits watch");
      }
    }
  }

  @Test
  void answers_a_hint_asked_for_during_a_check_under_its_verdict() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("00");
      var file = copy.exercise("01").mainSources().resolve("course/sequential/WordCount.java");
      // A stub whose class takes 3 s to load: the check runs long enough to press a key in it.
      var slow =
          Files.readString(file)
              .replace(
                  "public final class WordCount {",
                  "public final class WordCount {\n  static {\n    try {\n"
                      + "      Thread.sleep(3000);\n    } catch (InterruptedException e) {\n"
                      + "      Thread.currentThread().interrupt();\n    }\n  }\n");
      Files.writeString(file, slow);
      try (var running = watch(copy)) {
        var screen = running.screen();
        awaitScreen(running, text -> text.contains("Checking 01_sequential"));
        running.press("h\n");
        awaitScreen(running, text -> rounds(text) >= 1);
        var shown = text(screen);
        int verdict = shown.lastIndexOf("✗ 01_sequential");
        int hint = shown.indexOf("Hint 1 of 3 for 01_sequential");
        assertTrue(
            verdict >= 0 && hint > verdict && shown.lastIndexOf("Watching your files") > hint,
            "h pressed during the check shows the hint under its verdict; the screen:\n" + shown);
        assertEquals(0, running.quit(), "q quits watch");
      }
    }
  }

  /** Watch running on a thread of its own (not the common pool: it has one thread on 2 cores). */
  private record Running(
      ByteArrayOutputStream screen, PipedOutputStream keys, CompletableFuture<Integer> done)
      implements AutoCloseable {

    void press(String text) throws IOException {
      keys.write(text.getBytes(StandardCharsets.UTF_8));
      keys.flush();
    }

    int quit() throws Exception {
      press("q\n");
      return done.get(60, TimeUnit.SECONDS);
    }

    /** A failed test still stops its watch, so the next test's watch has the machine. */
    @Override
    public void close() throws Exception {
      if (!done.isDone()) {
        quit();
      }
    }
  }

  private static Running watch(ScratchCourse copy) throws IOException {
    var screen = new ByteArrayOutputStream();
    var keys = new PipedOutputStream();
    var input = new PipedInputStream(keys);
    var watch =
        new Watch(
            copy.course(),
            false,
            new Ansi(false),
            new PrintStream(screen, true, StandardCharsets.UTF_8));
    var done = new CompletableFuture<Integer>();
    Thread.ofPlatform()
        .daemon()
        .name("watch-under-test")
        .start(
            () -> {
              try {
                done.complete(watch.run(input));
              } catch (Throwable t) {
                done.completeExceptionally(t);
              }
            });
    return new Running(screen, keys, done);
  }

  private static String text(ByteArrayOutputStream screen) {
    return screen.toString(StandardCharsets.UTF_8);
  }

  private static int rounds(String text) {
    return text.split("Watching your files", -1).length - 1;
  }

  /** Waits until the screen shows what {@code ready} looks for; fails if watch ended meanwhile. */
  private static void awaitScreen(Running running, Predicate<String> ready)
      throws InterruptedException {
    long end = System.currentTimeMillis() + WAIT_MILLIS;
    while (!ready.test(text(running.screen()))) {
      if (running.done().isDone()) {
        var error = running.done().exceptionNow(); // watch ends only when told to, or failing
        throw new AssertionError(
            "watch ended: " + error + "; its screen:\n" + text(running.screen()), error);
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError(
            "watch did not show what was expected; its screen:\n" + text(running.screen()));
      }
      Thread.sleep(5);
    }
  }
}
