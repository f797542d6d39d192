package course.threads;

/**
 * Exercise 03: count words with threads. Read book/03_threads.md first.
 *
 * <p>Threads are workers inside this JVM. Unlike the child processes of chapter 02, they share its
 * memory: a thread can read its chunk where it lies, and hand its result back through an object
 * that every thread can see. Nothing is copied through a pipe.
 *
 * <p>Given to you, in the support module: {@code course.support.Chunks.split(text, n)} and {@code
 * course.support.Chunks.countWords(chunk)}. Count with {@code countWords}: the tests watch it to
 * see which threads did the work.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text} with one {@link Thread} per chunk, all running at once.
   *
   * <p>The chunks are those of {@code Chunks.split(text, nThreads)} (or {@code Chunks.slices}, the
   * same cuts without copying), each counted with {@code Chunks.countWords}. The results come back
   * to the calling thread through a {@link java.util.concurrent.BlockingQueue}.
   *
   * <p>Every chunk is counted on a thread of its own, never on the calling thread, and every thread
   * has ended when this method returns. An empty or blank text has 0 words. More threads than words
   * is fine: {@code Chunks.split} returns fewer chunks.
   *
   * @param text the text to count
   * @param nThreads the largest number of threads to use; at least 1
   * @return the number of words in {@code text}
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws InterruptedException if interrupted while waiting for the threads
   */
  public static long count(String text, int nThreads) throws InterruptedException {
    // TODO: check the arguments.
    // TODO: count each chunk on a platform thread of its own, all of them at work at once, and
    //       hand the counts back through a BlockingQueue; no thread may outlive this call.
    //       Read book/03_threads.md, "A safe hand-off" and "Start them all, then join them all".
    throw new UnsupportedOperationException("TODO: count the words with one thread per chunk");
  }
}
