package course.processes;

import course.support.ChildJvm;
import course.support.Chunks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Objects;

/** Exercise 02, solved: one child JVM per chunk, the chunk sent over stdin. */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one child process per chunk, all running at once.
   *
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nProcesses < 1}
   * @throws IOException if a child cannot be started, or fails
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static long count(String text, int nProcesses) throws IOException, InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nProcesses < 1) {
      throw new IllegalArgumentException("nProcesses must be at least 1, got " + nProcesses);
    }
    var chunks = Chunks.split(text, nProcesses);
    var children = new ArrayList<Process>(chunks.size());
    try {
      // Start every child first, so that they boot at the same time.
      for (int i = 0; i < chunks.size(); i++) {
        children.add(new ProcessBuilder(ChildJvm.command(CountWorker.class)).start());
      }
      // Then feed them. Each child reads its whole input before it answers, so writing to one
      // child never waits on another; closing the stream is what tells the child "that's all".
      for (int i = 0; i < chunks.size(); i++) {
        try (var stdin = children.get(i).getOutputStream()) {
          stdin.write(chunks.get(i).getBytes(StandardCharsets.UTF_8));
        }
      }
      long total = 0;
      for (var child : children) {
        total += resultOf(child);
      }
      return total;
    } finally {
      // On any failure, leave no child behind: kill the ones still at work, then wait until each
      // has ended, since a killed process takes a moment to die.
      children.forEach(Process::destroyForcibly);
      for (var child : children) {
        child.waitFor();
      }
    }
  }

  /** Reads a child's count and waits for it to exit. */
  private static long resultOf(Process child) throws IOException, InterruptedException {
    String output =
        new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    String errors =
        new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int status = child.waitFor();
    if (status != 0 || !output.matches("\\d+")) {
      throw new IOException(
          "child %d exited with status %d, printed '%s' and reported '%s'"
              .formatted(child.pid(), status, output, errors));
    }
    return Long.parseLong(output);
  }
}
