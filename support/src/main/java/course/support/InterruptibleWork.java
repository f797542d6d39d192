package course.support;

import java.util.Objects;

/**
 * A unit of work that answers interruption: chapter 15's word counter.
 *
 * <p>{@link Chunks#countWords(String)} is a tight loop that never looks at the interrupt status: a
 * thread counting a large chunk with it runs to the end however often it is interrupted. The
 * counter here counts words the same way, but every few thousand characters it checks whether its
 * thread has been interrupted and, if so, stops and throws {@link InterruptedException}, as {@link
 * Thread#sleep} or {@link java.util.concurrent.BlockingQueue#take} do. Like them it clears the
 * interrupt status when it throws: the exception carries the news.
 *
 * <p>The tests watch its calls through {@link WorkProbe} under the name {@link #COUNT_WORDS}: which
 * thread counted, how many counted at the same time, and whether a thread that was interrupted kept
 * on counting.
 */
public final class InterruptibleWork {

  /** The name under which {@link WorkProbe} listeners see {@link #countWords} calls. */
  public static final String COUNT_WORDS = "countWordsInterruptibly";

  /** How many characters are counted between two looks at the interrupt status. */
  static final int CHECK_EVERY = 4096;

  private InterruptibleWork() {}

  /**
   * Counts the words of one chunk, stopping early if the current thread is interrupted.
   *
   * <p>The interrupt status is checked before any work and then every few thousand characters, so
   * the call ends soon after an interrupt, at any point of a chunk of any size.
   *
   * @param chunk the text to count; may be empty
   * @return the number of words in {@code chunk}, by the same definition as {@link
   *     Chunks#countWords(String)}
   * @throws InterruptedException if the current thread was interrupted before or during the count;
   *     its interrupt status is cleared, as by every JDK method that throws this exception
   * @throws NullPointerException if {@code chunk} is null
   */
  public static long countWords(CharSequence chunk) throws InterruptedException {
    Objects.requireNonNull(chunk, "chunk must not be null");
    stopIfInterrupted();
    WorkProbe.beforeWork(COUNT_WORDS, chunk);
    try {
      // A listener may hold the thread at the start and hand the interrupt on: look again.
      stopIfInterrupted();
      return countOf(chunk);
    } finally {
      WorkProbe.afterWork(COUNT_WORDS, chunk);
    }
  }

  private static long countOf(CharSequence text) throws InterruptedException {
    long words = 0;
    boolean inWord = false;
    int length = text.length();
    int sinceCheck = 0;
    for (int i = 0; i < length; ) {
      if (++sinceCheck == CHECK_EVERY) {
        sinceCheck = 0;
        stopIfInterrupted();
      }
      int codePoint = Character.codePointAt(text, i);
      boolean space = Character.isWhitespace(codePoint);
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
      i += Character.charCount(codePoint);
    }
    return words;
  }

  private static void stopIfInterrupted() throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException(
          "interrupted while counting words on " + Thread.currentThread().getName());
    }
  }
}
