package course.processes;

import course.support.Chunks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The child-process worker of chapter 02, given to you: run it in a child JVM, send it a chunk,
 * read back the count.
 *
 * <p>It reads its standard input as UTF-8 <em>to the end</em>, counts the words with {@link
 * Chunks#countWords}, prints the count on one line of standard output, and exits with status 0. "To
 * the end" matters: the worker only starts counting once its standard input is closed, so the
 * parent must close the child's stdin after writing the chunk.
 *
 * <p>Given complete: there is nothing to change here. The reference solution is built with this
 * same file (solutions/02_processes takes it from this folder).
 */
public final class CountWorker {

  private CountWorker() {}

  /**
   * Counts the words of standard input and prints the count.
   *
   * @param args ignored
   * @throws IOException if standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    var chunk = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(Chunks.countWords(chunk));
    System.out.flush();
  }
}
