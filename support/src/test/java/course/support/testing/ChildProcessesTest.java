package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.processes.CountWorker;
import course.support.ChildJvm;
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
    return new ProcessBuilder(ChildJvm.command(CountWorker.class)).start();
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

  @Test
  void children_without_a_probe_folder_just_count() throws Exception {
    assertEquals(2, countInChild(start(), "not watched"));
  }
}
