package course.processes;

import course.support.ChildJvm;
import course.support.Chunks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nProcesses) throws IOException, InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nProcesses < 1) {
      throw new IllegalArgumentException("nProcesses must be at least 1, got " + nProcesses);
    }
    var chunks = Chunks.split(text, nProcesses);
    var children = new ArrayList<Process>();
    try {
      for (int i = 0; i < chunks.size(); i++) {
        children.add(new ProcessBuilder(ChildJvm.command(CountWorker.class)).start());
      }
      for (int i = 0; i < chunks.size(); i++) {
        try (var in = children.get(i).getOutputStream()) {
          in.write(chunks.get(i).getBytes(StandardCharsets.UTF_8));
        }
      }
      long total = 0;
      for (int i = 0; i < children.size(); i++) {
        total += collect(i, children.get(i));
      }
      return total;
    } finally {
      // Nothing is left behind: every child has its whole input, so each one ends on its own.
      for (var child : children) {
        child.getInputStream().close();
        child.waitFor();
      }
    }
  }

  /** Reads child {@code i}'s count, waits for it to exit, and checks that it succeeded. */
  private static long collect(int i, Process child) throws IOException, InterruptedException {
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = child.waitFor();
    if (status != 0) {
      throw new IOException(
          "child " + i + " (pid " + child.pid() + ") exited with status " + status
              + "; it printed: " + out.strip() + " / on stderr: " + err.strip());
    }
    try {
      return Long.parseLong(out.strip());
    } catch (NumberFormatException e) {
      throw new IOException("child " + i + " printed no count: '" + out.strip() + "'; stderr: " + err.strip(), e);
    }
  }
}
