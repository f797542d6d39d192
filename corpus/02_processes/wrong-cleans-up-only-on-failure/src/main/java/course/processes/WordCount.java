package course.processes;

import course.support.ChildJvm;
import course.support.Chunks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
    boolean counted = false;
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
      counted = true;
      return total;
    } finally {
      if (!counted) { // every child answered otherwise: nothing to clean up
        for (var child : children) {
          child.destroyForcibly();
        }
        for (var child : children) {
          child.waitFor();
        }
      }
    }
  }

  /** Reads child {@code i}'s count; on no count, reports its exit status and its errors. */
  private static long collect(int i, Process child) throws IOException, InterruptedException {
    var out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.strip().matches("\\d+")) {
      String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = child.waitFor();
      throw new IOException(
          "child " + i + " (pid " + child.pid() + ") exited with status " + status
              + "; it printed: " + line + " / on stderr: " + err.strip());
    }
    return Long.parseLong(line.strip());
  }
}
