package course.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Texts for the tests, and an independent way to list their words. */
public final class Texts {

  /** Separators the generated texts use: ASCII ones and Unicode spaces Java calls whitespace. */
  private static final String[] SEPARATORS = {
    " ", " ", " ", " ", "  ", "\n", "\t", " \n", "\r\n", "\u2003", "\u3000", "\u2028"
  };

  /** Words the generated texts use: ASCII, accents, a no-break space inside a word, emoji. */
  private static final String[] WORDS = {
    "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "thread", "lock",
    "café", "naïve", "Zürich", "東京", "mañana", "a\u00A0b", "😀", "x😀y", "42", "don't",
    "well-known", "ελληνικά", "слово", "!", "…"
  };

  private Texts() {}

  /**
   * A deterministic text of exactly {@code words} words, mixing every kind of separator and word
   * above, with whitespace at both ends.
   *
   * @param seed the random seed: the same seed gives the same text
   * @param words how many words
   */
  public static String generate(long seed, int words) {
    var random = new SplittableRandom(seed);
    var text = new StringBuilder(words * 7);
    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    for (int i = 0; i < words; i++) {
      if (i > 0) {
        text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      }
      text.append(WORDS[random.nextInt(WORDS.length)]);
    }
    text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
    return text.toString();
  }

  /** {@code count} copies of {@code word}, one space apart: a text whose words are all alike. */
  public static String uniform(String word, int count) {
    return String.join(" ", java.util.Collections.nCopies(count, word));
  }

  /**
   * The words of {@code text}, in order: maximal runs of code points that are not whitespace by
   * {@link Character#isWhitespace(int)}. Written apart from the course's counters, as an oracle.
   */
  public static List<String> words(String text) {
    var words = new ArrayList<String>();
    var word = new StringBuilder();
    text.codePoints()
        .forEach(
            codePoint -> {
              if (Character.isWhitespace(codePoint)) {
                if (!word.isEmpty()) {
                  words.add(word.toString());
                  word.setLength(0);
                }
              } else {
                word.appendCodePoint(codePoint);
              }
            });
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }

  /** A short, printable view of a text for failure messages: escapes and an ellipsis. */
  public static String show(String text) {
    var shown = new StringBuilder("\"");
    text.codePoints()
        .limit(40)
        .forEach(
            codePoint -> {
              switch (codePoint) {
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                case '\r' -> shown.append("\\r");
                case '"' -> shown.append("\\\"");
                default -> {
                  if (Character.isWhitespace(codePoint) && codePoint != ' ' || codePoint == 0xA0) {
                    shown.append("\\u%04X".formatted(codePoint));
                  } else {
                    shown.appendCodePoint(codePoint);
                  }
                }
              }
            });
    shown.append('"');
    if (text.codePointCount(0, text.length()) > 40) {
      shown.append("… (").append(text.length()).append(" chars)");
    }
    return shown.toString();
  }
}
