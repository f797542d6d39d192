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
   * <ol>
   *   <li>Split the text with {@code Chunks.split(text, nThreads)}.
   *   <li>Create a {@link java.util.concurrent.BlockingQueue} for the results, for example a {@link
   *       java.util.concurrent.LinkedBlockingQueue}{@code <Long>}.
   *   <li>For each chunk, start a thread ({@code Thread.ofPlatform().start(...)} or {@code new
   *       Thread(...)} then {@code start()}) that puts {@code Chunks.countWords(chunk)} in the
   *       queue. Start them <b>all</b> before you join any.
   *   <li>Join every thread, then take one result per chunk from the queue and add them up.
   * </ol>
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
    // TODO: check the arguments (Objects.requireNonNull, IllegalArgumentException).
    // TODO: one thread per chunk, each putting its count in a shared BlockingQueue<Long>.
    // TODO: start all the threads, then join them all, then sum what the queue holds.
    //  Read book/03_threads.md, "Start them all, then join them all".
    throw new UnsupportedOperationException("TODO: count the words with one thread per chunk");
  }
}
