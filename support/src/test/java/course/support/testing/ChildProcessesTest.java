package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.ChildJvm;
import course.support.WorkProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeftovers.class)
class ChildProcessesTest {

  private static void send(Process child, String text) throws IOException {
    try (var in = child.getOutputStream()) {
      in.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static long result(Process child) throws Exception {
    var out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, child.waitFor());
    return Long.parseLong(out);
  }

  private static long countInChild(Process child, String text) throws Exception {
    send(child, text);
    return result(child);
  }

  private static Process start() throws IOException {
    return new ProcessBuilder(ChildJvm.command(StandInWorker.class)).start();
  }

  @Test
  void sees_each_child_and_a_met_rendezvous_when_children_overlap() throws Exception {
    try (var children = ChildProcesses.watch(2)) {
      var a = start();
      var b = start();
      send(a, "one two");
      send(b, "one two three");
      assertEquals(2, result(a));
      assertEquals(3, result(b));
      assertEquals(2, children.workerPids().size());
      assertEquals(2, children.unitsFinished());
      assertTrue(children.rendezvousMet());
    }
  }

  @Test
  void sees_a_missed_rendezvous_when_children_run_one_after_the_other() throws Exception {
    try (var children = ChildProcesses.watch(2, java.time.Duration.ofSeconds(2))) {
      assertEquals(1, countInChild(start(), "one"));
      assertEquals(1, countInChild(start(), "two"));
      assertFalse(children.rendezvousMet());
      assertEquals(2, children.workerPids().size());
    }
  }

  /** Waits until {@code condition} holds, for a child JVM's start-up at most. */
  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long until = System.nanoTime() + ChildProcesses.DEFAULT_TIMEOUT.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() - until < 0) {
      Thread.sleep(5);
    }
    assertTrue(condition.getAsBoolean(), "timed out");
  }

  @Test
  void holds_the_children_of_a_word_until_released_and_fails_the_one_asked_for() throws Exception {
    try (var children = ChildProcesses.watch()) {
      children.holdChildrenWhoseChunkContains("held");
      var kept = start();
      var failing = start();
      var free = start();
      send(kept, "held one");
      send(failing, "held beta two");
      send(free, "free two three");
      assertEquals(3, result(free), "a child whose chunk lacks the word is not held");
      await(() -> children.unitsStarted() == 3);
      assertEquals(1, children.unitsFinished(), "the held children are still at work");
      children.failChildWhoseChunkContains("beta");
      assertEquals(1, failing.waitFor());
      assertTrue(
          new String(failing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
              .contains(WorkProbe.ProbeFiles.FAILURE));
      assertEquals(failing.pid(), children.failedChild());
      assertTrue(kept.isAlive(), "the other held child is still held");
      children.releaseChildWhoseChunkContains("one");
      assertEquals(2, result(kept));
    }
  }

  @Test
  void holds_a_child_at_its_end_with_its_output_closed() throws Exception {
    try (var children = ChildProcesses.watch()) {
      children.holdChildrenAtExit();
      var child = start();
      send(child, "one two three");
      var out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals("3", out.strip(), "its whole output arrives while it is held");
      await(() -> children.heldAtExit() == 1);
      assertTrue(child.isAlive(), "held at its end, it has not exited");
      children.releaseHeldChildren();
      assertEquals(0, child.waitFor());
    }
  }

  @Test
  void children_without_a_probe_folder_just_count() throws Exception {
    assertEquals(2, countInChild(start(), "not watched"));
  }
}
