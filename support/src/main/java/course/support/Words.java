package course.support;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Walking the words of one chunk: the unit of work of chapter 11, where workers do not just count
 * words but tally each one.
 *
 * <p>{@link #forEach} hands every word of a chunk, in order, to an action you write. Call it from
 * your workers rather than writing your own loop: the course's tests watch its calls through {@link
 * WorkProbe} to see which thread walked which chunk, how many walked at once, and what the action
 * was given to count into.
 *
 * <p>A word is what {@link Chunks} counts: a maximal run of code points that are not whitespace
 * according to {@link Character#isWhitespace(int)}.
 */
public final class Words {

  /** The work name of one {@link #forEach} call; its probe input is a {@link Handout}. */
  public static final String FOR_EACH = "Words.forEach";

  /** The work name of one word handed to the action; its probe input is the word. */
  public static final String WORD = "word";

  /**
   * What one {@link #forEach} call was given, as its probe listeners see it.
   *
   * @param chunk the chunk whose words are walked
   * @param action the action that receives each word
   */
  public record Handout(CharSequence chunk, Consumer<? super String> action) {}

  private Words() {}

  /**
   * Hands each word of {@code chunk} to {@code action}, in order, on the calling thread.
   *
   * @param chunk the text to walk; may be empty or hold only whitespace
   * @param action receives each word; what it does with it is up to you
   * @throws NullPointerException if {@code chunk} or {@code action} is null
   */
  public static void forEach(CharSequence chunk, Consumer<? super String> action) {
    Objects.requireNonNull(chunk, "chunk must not be null");
    Objects.requireNonNull(action, "action must not be null");
    var handout = new Handout(chunk, action);
    WorkProbe.beforeWork(FOR_EACH, handout);
    try {
      int length = chunk.length();
      int i = 0;
      while (i < length) {
        int codePoint = Character.codePointAt(chunk, i);
        if (Character.isWhitespace(codePoint)) {
          i += Character.charCount(codePoint);
          continue;
        }
        int start = i;
        while (i < length && !Character.isWhitespace(codePoint = Character.codePointAt(chunk, i))) {
          i += Character.charCount(codePoint);
        }
        var word = chunk.subSequence(start, i).toString();
        WorkProbe.beforeWork(WORD, word);
        try {
          action.accept(word);
        } finally {
          WorkProbe.afterWork(WORD, word);
        }
      }
    } finally {
      WorkProbe.afterWork(FOR_EACH, handout);
    }
  }
}
