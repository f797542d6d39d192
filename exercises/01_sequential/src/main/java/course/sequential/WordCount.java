package course.sequential;

import java.util.List;

/**
 * Exercise 01: the sequential baseline. Read book/01_sequential.md first.
 *
 * <p>Every later chapter counts words faster than this class will, but never differently: this is
 * the answer they are all checked against. Write it here yourself, without the course's support
 * code.
 *
 * <p>A <b>word</b> is a maximal run of code points that are not whitespace according to {@link
 * Character#isWhitespace(int)}. Mind the code points: an emoji such as 😀 is two {@code char}s.
 */
public final class WordCount {

  private WordCount() {}

  /**
   * Counts the words of {@code text}.
   *
   * <p>Examples: {@code "hello world"} has 2 words; {@code " hello \n\t world "} has 2; {@code ""}
   * and {@code " \n "} have 0; {@code "a\u2003b"} has 2, because U+2003 (EM SPACE) is whitespace;
   * {@code "a\u00A0b"} has 1, because Java does not count U+00A0 (NO-BREAK SPACE) as whitespace.
   *
   * @param text the text to count
   * @return how many words {@code text} holds
   * @throws NullPointerException if {@code text} is null
   */
  public static long count(String text) {
    // TODO: walk the text one code point at a time (text.codePointAt(i), Character.charCount)
    //  and count each place where a word starts: a non-whitespace code point that follows
    //  whitespace or the start of the text. Read book/01_sequential.md, "Code points, not chars".
    throw new UnsupportedOperationException("TODO: count the words of the text");
  }

  /**
   * Splits {@code text} into at most {@code n} chunks so that the chunks can be counted separately
   * and the counts added up: no word is cut in two, and none is lost.
   *
   * <p>Precisely: taking the words of each chunk in turn, in list order, gives exactly the words of
   * {@code text}. The chunks should be about the same size, so that {@code n} workers get about the
   * same work: for a text of many short words, return exactly {@code n} chunks. Fewer chunks are
   * fine when there is not enough text (more workers than words). For an empty text, return an
   * empty list or a list of blank chunks.
   *
   * <p>Example: {@code splitIntoChunks("one two three four", 2)} may return {@code ["one two ",
   * "three four"]}; it must not return {@code ["one tw", "o three four"]}.
   *
   * @param text the text to split
   * @param n the largest number of chunks; at least 1
   * @return at most {@code n} chunks
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static List<String> splitIntoChunks(String text, int n) {
    // TODO: check the arguments first (Objects.requireNonNull, IllegalArgumentException).
    // TODO: aim each cut at i * text.length() / n, then move it forward while it would fall
    //  inside a word (between two non-whitespace code points), and take text.substring(...)
    //  between consecutive cuts. Skip empty chunks. Read book/01_sequential.md, "Where the cuts
    //  go".
    throw new UnsupportedOperationException("TODO: split the text into at most n chunks");
  }
}
