package course.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.WorkProbe;
import course.support.testing.ChildProcesses;
import course.support.testing.CountingContract;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.SharedUpdates;
import course.support.testing.Texts;
import course.support.testing.WorkLog;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeftovers.class)
class WordCountTest implements CountingContract {

  @Override
  public Spec contract() {
    return new Spec(WordCount::count, "processes", HANG_HINT);
  }

  private static final String HANG_HINT =
      "Close each child's standard input after writing its chunk (try-with-resources on "
          + "process.getOutputStream()): the child counts only once its input has ended.";

  private static long count(String text, int nProcesses) {
    return Deadline.call(
        () -> WordCount.count(text, nProcesses),
        "WordCount.count(text, %d)".formatted(nProcesses),
        HANG_HINT);
  }

  @Test
  void counts_the_same_as_a_sequential_count() {
    var text = Texts.generate(2, 3_000);
    assertEquals(
        3_000,
        count(text, 3),
        "count(text of 3000 words, 3) returned the wrong total. Add up every child's count.");
  }

  @Test
  void counts_in_child_processes_not_in_this_jvm() {
    var text = Texts.generate(3, 2_000);
    try (var children = ChildProcesses.watch();
        var inThisJvm = WorkLog.start()) {
      count(text, 2);
      assertEquals(
          0,
          inThisJvm.calls().size(),
          "Chunks.countWords ran %d times inside the calling JVM: in this chapter the counting happens in the child processes. Start them with new ProcessBuilder(ChildJvm.command(CountWorker.class)).start()."
              .formatted(inThisJvm.calls().size()));
      assertTrue(
          children.unitsFinished() >= 2,
          "Expected at least 2 child processes to count a chunk each, but %d did. Start one CountWorker child per chunk of Chunks.split(text, 2)."
              .formatted(children.unitsFinished()));
    }
  }

  @Test
  void counts_even_a_single_chunk_in_a_child() {
    // One process, or more processes than words: one chunk, and it too goes to a child.
    for (var text : new String[] {Texts.generate(8, 300), "word"}) {
      int nProcesses = text.equals("word") ? 4 : 1;
      try (var children = ChildProcesses.watch();
          var inThisJvm = WorkLog.start()) {
        count(text, nProcesses);
        assertTrue(
            inThisJvm.calls().isEmpty() && children.unitsFinished() == 1,
            ("count(a text of one chunk, %d) counted %d time(s) in this JVM and %d time(s) in a "
                    + "child: a single chunk is counted in a child process too. Nothing is counted "
                    + "in this JVM, says the Javadoc, however small the text.")
                .formatted(nProcesses, inThisJvm.calls().size(), children.unitsFinished()));
      }
    }
  }

  @Test
  void runs_more_children_than_cores_at_the_same_time() {
    // All the children at work at the same time, says the Javadoc: not a batch per core.
    int parties = Runtime.getRuntime().availableProcessors() + 2;
    var text = Texts.generate(9, 300 * parties);
    try (var children = ChildProcesses.watch(parties)) {
      long words =
          Deadline.call(
              ChildProcesses.DEFAULT_TIMEOUT.plus(Deadline.DEFAULT),
              () -> WordCount.count(text, parties),
              "WordCount.count(text, %d)".formatted(parties),
              HANG_HINT);
      assertEquals(
          300L * parties, words, "count(text, %d) returned the wrong total.".formatted(parties));
      children.assertRendezvousMet(
          ("count(text, %d) must have all %d children at work at once, more than the %d cores: "
                  + "start every child before you wait for any, not a batch per core.")
              .formatted(parties, parties, Runtime.getRuntime().availableProcessors()));
    }
  }

  @Test
  void reports_an_interrupt_while_it_waits_as_an_InterruptedException() throws Exception {
    // The test holds each child at its very end, its count sent but the process not ended yet, so
    // the caller is still waiting for them when the test interrupts it; then it lets them end.
    var text = Texts.generate(10, 600);
    try (var children = ChildProcesses.watch()) {
      children.holdChildrenAtExit();
      var thrown = new java.util.concurrent.atomic.AtomicReference<Throwable>();
      var returned = new java.util.concurrent.atomic.AtomicBoolean();
      var caller =
          Thread.ofPlatform()
              .name("caller")
              .start(
                  () -> {
                    try {
                      WordCount.count(text, 2);
                      returned.set(true);
                    } catch (Throwable t) {
                      thrown.set(t);
                    }
                  });
      long waitUntil = System.nanoTime() + ChildProcesses.DEFAULT_TIMEOUT.toNanos();
      while (children.heldAtExit() < 2 && System.nanoTime() < waitUntil) {
        Thread.sleep(5);
      }
      caller.interrupt();
      children.releaseHeldChildren();
      caller.join(Deadline.DEFAULT.plus(ChildProcesses.DEFAULT_TIMEOUT).toMillis());
      if (!(thrown.get() instanceof InterruptedException)) {
        fail(
            ("The thread calling count(text, 2) was interrupted while both children were still "
                    + "running (each had sent its count, but neither had ended yet); count must "
                    + "then throw InterruptedException (its Javadoc: @throws "
                    + "InterruptedException), but it %s. Let the InterruptedException of "
                    + "waitFor() propagate: do not catch it, or turn it into an IOException.")
                .formatted(
                    caller.isAlive()
                        ? "had not returned after " + Deadline.DEFAULT.toSeconds() + " s"
                        : thrown.get() == null
                            ? "returned normally (was the interrupt caught and ignored, or did "
                                + "count not wait for its children to exit?)"
                            : "threw " + thrown.get()));
      }
    }
  }

  @Test
  void starts_one_child_per_chunk() {
    var text = Texts.generate(4, 4_000);
    try (var children = ChildProcesses.watch()) {
      assertEquals(4_000, count(text, 4), "count(text of 4000 words, 4) returned the wrong total.");
      assertEquals(
          4,
          children.workerPids().size(),
          "Expected 4 child processes for 4 chunks, but %d counted (pids %s). Start one child per chunk of Chunks.split(text, 4)."
              .formatted(children.workerPids().size(), children.workerPids()));
      assertEquals(
          4,
          children.unitsStarted(),
          "Expected each of the 4 chunks to be counted once, but the children counted %d times."
              .formatted(children.unitsStarted()));
    }
  }

  @Test
  void runs_the_children_at_the_same_time() {
    var text = Texts.generate(5, 2_000);
    try (var children = ChildProcesses.watch(2)) {
      // A sequential solution makes the first child wait out the rendezvous: allow for it, so
      // that the verdict names the real mistake rather than a hang.
      long words =
          Deadline.call(
              ChildProcesses.DEFAULT_TIMEOUT.plus(Deadline.DEFAULT),
              () -> WordCount.count(text, 2),
              "WordCount.count(text, 2)",
              HANG_HINT);
      assertEquals(2_000, words, "count(text of 2000 words, 2) returned the wrong total.");
      children.assertRendezvousMet(
          "Start every child before you wait for (or read from) any of them.");
    }
  }

  @Test
  void reports_a_failed_child_as_an_IOException_with_what_it_printed() {
    var text = Texts.generate(7, 600);
    try (var children = ChildProcesses.watch()) {
      children.failOneChild();
      Throwable thrown = null;
      long returned = -1;
      try {
        returned =
            Deadline.call(() -> WordCount.count(text, 2), "WordCount.count(text, 2)", HANG_HINT);
      } catch (AssertionError hang) {
        throw hang;
      } catch (Throwable t) {
        thrown = t;
      }
      boolean named =
          thrown instanceof IOException
              && thrown.getMessage() != null
              && thrown.getMessage().contains(WorkProbe.ProbeFiles.FAILURE);
      if (!named) {
        fail(
            ("The test made one child fail (pid %d): it printed \"%s\" in a stack trace on its "
                    + "standard error and exited with status 1. count must then throw an "
                    + "IOException whose message says which child failed and what it printed (its "
                    + "Javadoc: @throws IOException), but it %s. Look at the exit status of every "
                    + "child, and read its standard error.")
                .formatted(
                    children.failedChild(),
                    WorkProbe.ProbeFiles.FAILURE,
                    thrown == null
                        ? "returned " + returned
                        : "threw " + thrown.getClass().getName() + ": " + thrown.getMessage()));
      }
    }
  }

  @Test
  void has_ended_every_child_when_it_returns() {
    // A child that has sent its count still has to end, a moment too short for a normal run to
    // see. So the test holds each child at its very end until count waits for it.
    ChildProcesses.assertEndsEveryChildBeforeItReturns(
        WordCount.class,
        "count",
        Texts.generate(11, 600),
        2,
        "count(text, 2)",
        "Wait for each child to exit (waitFor()) before you return, even once you have its count "
            + "(book/02_processes.md, \"Start them all, then wait\").");
  }

  @Test
  void has_ended_every_child_when_it_throws_because_one_failed() {
    // A killed child takes a moment to die, too short for a normal run to see. So the test holds
    // the children at their work, makes one fail, and carries out each kill your code asks for
    // only once count waits: a count that does not wait for its children returns while they live.
    var text = "first " + Texts.uniform("word", 600) + " last";
    ChildProcesses.assertEndsEveryChildWhenOneFails(
        WordCount.class,
        "count",
        text,
        2,
        List.of("first", "last"),
        "count(text, 2)",
        "Put the clean-up in a finally block, and end every child there: a child you asked to "
            + "stop has ended only once waitFor() says so (book/02_processes.md, \"Leave nothing "
            + "behind\").");
  }

  @Test
  void two_calls_at_once_each_count_their_own_text() throws Exception {
    // The test holds the children of a first call at their work and, each time that call waits for
    // one of them, runs a second call in full before it lets that child go. State that one call
    // keeps where the other can reach it (a static field) mixes up their children or totals.
    var first = "uno " + Texts.uniform("first", 598) + " dos";
    var second = Texts.uniform("second", 100);
    var runs =
        Deadline.call(
            java.time.Duration.ofSeconds(90),
            () ->
                ChildProcesses.overlapAtEveryWait(
                    () -> WordCount.count(first, 2),
                    "first",
                    List.of("uno", "dos"),
                    () -> WordCount.count(second, 1)),
            "WordCount.count(a text, 2), with a second count(another text, 1) each time it waits "
                + "for a child",
            "One call must not wait for the other one's children: keep each call's children in "
                + "local variables.");
    for (var run : runs) {
      if (!run.first().equals("600")
          || run.seconds().stream().anyMatch(got -> !got.equals("100"))) {
        fail(
            ("Two threads called count at once: the first with a text of 600 words and 2 "
                    + "processes and, each time the first one waited for a child, the second with a "
                    + "text of 100 words and 1 process. The first %s, the second %s, instead of "
                    + "600 and 100 each time. Several threads may call count at the same time, says "
                    + "the Javadoc: keep what one call works with (its children, its total) in "
                    + "local variables, since a static field is shared by every caller.")
                .formatted(
                    returned(run.first()),
                    run.seconds().stream().map(WordCountTest::returned).toList()));
      }
    }
  }

  @Test
  void keeps_no_state_of_a_call_in_a_static_field() {
    // A total that each call resets in a static field is lost to another caller in a window a few
    // instructions wide, between two children: too narrow for the test above to stop in, so the
    // course reads the compiled code instead.
    var shared =
        SharedUpdates.find(WordCount.class).stream()
            .filter(update -> update.what().contains("static"))
            .toList();
    if (!shared.isEmpty()) {
      fail(
          ("%s. Several threads may call count at the same time, says the Javadoc, and all of "
                  + "them share a static field: keep what one call works with (its children, its "
                  + "total) in local variables.")
              .formatted(shared.getFirst()));
    }
  }

  private static String returned(String outcome) {
    return outcome.startsWith("threw ") ? outcome : "returned " + outcome;
  }

  @Test
  void sends_unicode_text_intact() {
    var text = "😀 café\u2003東京 a\u00A0b\u3000ελληνικά слово";
    assertEquals(
        6,
        count(text, 3),
        "Unicode text lost or gained words on its way to the children: write each chunk with getBytes(StandardCharsets.UTF_8); CountWorker reads UTF-8.");
  }

  @Test
  void copes_with_chunks_larger_than_a_pipe_buffer() {
    var text = Texts.uniform("pipe", 400_000); // 2 MB: far more than a 64 KB pipe holds
    assertEquals(
        400_000,
        count(text, 2),
        "count(2 MB of text, 2) returned the wrong total. Write the whole chunk before closing stdin.");
  }
}
