package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the learner reads: the order of the failures, and the small things of issue 11. */
class PrinterTest {

  private static final Exercise EXERCISE =
      new Exercise("03_threads", Path.of("/course/exercises/03_threads"), Path.of("/course"));

  private static final Printer PRINTER = new Printer(new Ansi(false));

  private static List<String> lines(TestRun.Failure... failures) {
    return PRINTER.lines(
        new Verdict.Failed(EXERCISE, new TestRun.Outcome(10, 0, List.of(failures))));
  }

  @Test
  void shows_the_lesson_before_the_bad_input() {
    var screen =
        String.join(
            "\n",
            lines(
                new TestRun.Failure(
                    "WordCountTest: rejects a null text",
                    "org.opentest4j.AssertionFailedError",
                    "count(null, 2) must throw NullPointerException",
                    true),
                new TestRun.Failure(
                    "WordCountTest: runs the threads at the same time",
                    "org.opentest4j.AssertionFailedError",
                    "Start every thread before you join any of them.",
                    false)));
    assertTrue(
        screen.indexOf("runs the threads at the same time") < screen.indexOf("rejects a null"),
        screen);
  }

  @Test
  void shows_the_parts_failures_before_those_of_what_is_built_on_them_even_a_hang() {
    var pipelineHang =
        new TestRun.Failure(
            "PipelineTest: counts every word of every line",
            "org.opentest4j.AssertionFailedError",
            "Pipeline.count(120 lines, 2 workers, capacity 3) did not return within 15 s.",
            false,
            true);
    var pipeline =
        new TestRun.Failure(
            "PipelineTest: runs nWorkers workers at the same time",
            "org.opentest4j.AssertionFailedError",
            "Expected 3 countWords calls to run at the same time",
            false,
            true);
    var buffer =
        new TestRun.Failure(
            "WaitingTest: a woken take looks again when another take got the item first",
            "org.opentest4j.AssertionFailedError",
            "wait in a while loop",
            false,
            false);
    var badInput =
        new TestRun.Failure(
            "BoundedBufferTest: rejects a capacity below one",
            "org.opentest4j.AssertionFailedError",
            "new BoundedBuffer(0) must throw",
            true,
            false);
    var bufferHang =
        new TestRun.Failure(
            "WaitingTest: close wakes every waiting put",
            "org.opentest4j.AssertionFailedError",
            "put(\"x\") did not return within 3 s.",
            false,
            false);
    var outcome =
        new TestRun.Outcome(20, 0, List.of(pipeline, badInput, pipelineHang, buffer, bufferHang));
    assertEquals(List.of(bufferHang, buffer, pipelineHang, pipeline, badInput), outcome.ranked());
    var screen = lines(pipeline, pipelineHang, buffer);
    assertTrue(screen.get(1).contains("a woken take looks again"), String.join("\n", screen));
  }

  @Test
  void shows_a_hang_first_with_every_line_of_its_diagnosis_that_fits() {
    var hang =
        new TestRun.Failure(
            "WordCountTest: counts every chunk",
            "org.opentest4j.AssertionFailedError",
            """
            WordCount.count(text, 4) did not return within 15 s. Check that you start() every thread.
              the calling thread (WAITING): waits in Thread.join() for 'word-counter-0' to end
                  at exercises/03_threads/src/main/java/course/threads/WordCount.java:44
              'word-counter-0', 'word-counter-1' (WAITING): waits in LinkedBlockingQueue.take()
                  at exercises/03_threads/src/main/java/course/threads/WordCount.java:37""",
            false);
    var lesson =
        new TestRun.Failure("WordCountTest: counts", "java.lang.AssertionError", "wrong total");
    var screen = lines(lesson, hang);
    assertTrue(screen.get(1).contains("counts every chunk"), String.join("\n", screen));
    assertTrue(
        screen.stream().anyMatch(line -> line.endsWith("WordCount.java:37")),
        "the last frame of the diagnosis shows, unwrapped: " + String.join("\n", screen));
    assertTrue(screen.size() <= Printer.MAX_LINES);
  }

  @Test
  void says_not_written_yet_for_a_todo_rethrown_by_a_fork_join_task() {
    var failure =
        new TestRun.Failure(
            "WordCountTaskTest: counts",
            "java.lang.UnsupportedOperationException",
            "java.lang.UnsupportedOperationException: TODO: split the text");
    assertEquals("Not written yet: TODO: split the text", Printer.explain(failure));
  }

  @Test
  void reads_rule_names_as_sentences_and_counts_one_thing_in_the_singular() {
    assertEquals("rectangle is final", TestRun.readable("rectangle_is_final"));
    assertEquals("into at most 1 chunk", TestRun.readable("into at most 1 chunks"));
    assertEquals("into at most 16 chunks", TestRun.readable("into at most 16 chunks"));
    assertEquals("with 1 process", TestRun.readable("with 1 processes"));
    assertEquals("\"a_b\"", TestRun.readable("\"a_b\""));
  }

  @Test
  void shows_every_compile_error_as_javac_does_with_its_caret() {
    var file = EXERCISE.mainSources().resolve("course/threads/WordCount.java");
    var errors =
        List.of(
            new Compilation.Error(
                file,
                47,
                "cannot find symbol\n  symbol:   class LinkedBlockingQueue\n  location: class WordCount",
                "    var q = new LinkedBlockingQueue<Long>();",
                17),
            new Compilation.Error(file, 52, "';' expected", "    long total = 0", 19),
            new Compilation.Error(
                file, 60, "cannot find symbol\n  symbol:   variable totl", "    return totl;", 12));
    var screen = PRINTER.lines(new Verdict.DoesNotCompile(EXERCISE, errors));
    var text = String.join("\n", screen);
    assertTrue(text.contains("3 errors"), text);
    assertTrue(
        text.contains(
            "exercises/03_threads/src/main/java/course/threads/WordCount.java:47: error: cannot find symbol"),
        text);
    assertTrue(text.contains("symbol:   class LinkedBlockingQueue"), text);
    assertTrue(text.contains("symbol:   variable totl"), text);
    int source = screen.indexOf("        var q = new LinkedBlockingQueue<Long>();");
    assertTrue(source > 0, text);
    assertEquals("        " + " ".repeat(12) + "^", screen.get(source + 1), text);
  }
}
