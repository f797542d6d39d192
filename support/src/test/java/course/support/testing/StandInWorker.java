package course.support.testing;

import course.support.Chunks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The support module's own child worker, for its tests of {@link ChildProcesses} and {@code
 * ChildJvm}: chapter 02's {@code CountWorker} lives in that exercise, which this module cannot see.
 * It behaves the same way: counts the words of its standard input and prints the count.
 */
public final class StandInWorker {

  private StandInWorker() {}

  public static void main(String[] args) throws IOException {
    System.out.println(
        Chunks.countWords(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)));
  }
}
