package course.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.Texts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitIntoChunksTest {

  @ParameterizedTest(name = "into at most {0} chunks")
  @ValueSource(ints = {1, 2, 3, 4, 7, 16})
  void never_cuts_or_loses_a_word(int n) {
    for (long seed = 1; seed <= 20; seed++) {
      var text = Texts.generate(seed, 10 + (int) seed * 7);
      assertSplitsCleanly(text, n);
    }
  }

  @Test
  void never_cuts_a_long_word_that_spans_several_chunks() {
    var text = "a " + "x".repeat(500) + " b c";
    for (int n = 1; n <= 6; n++) {
      assertSplitsCleanly(text, n);
    }
  }

  @Test
  void never_cuts_between_the_two_halves_of_an_emoji() {
    var text = "😀😀😀😀😀😀😀😀😀😀 😀😀😀😀😀😀😀😀😀😀😀";
    for (int n = 1; n <= 8; n++) {
      assertSplitsCleanly(text, n);
    }
  }

  @Test
  void does_not_cut_at_a_no_break_space() {
    var text = "a\u00A0b\u00A0c\u00A0d\u00A0e\u00A0f\u00A0g h";
    for (int n = 1; n <= 5; n++) {
      assertSplitsCleanly(text, n);
    }
  }

  @Test
  void gives_each_of_n_workers_a_fair_share_of_a_long_text() {
    var text = Texts.uniform("word", 1_000);
    for (int n = 2; n <= 8; n++) {
      var chunks = assertSplitsCleanly(text, n);
      assertEquals(
          n,
          chunks.size(),
          "splitIntoChunks(1000 equal words, %d) returned %d chunks; with that many words, every one of the %d workers should get a chunk."
              .formatted(n, chunks.size(), n));
      int fair = 1_000 / n;
      for (var chunk : chunks) {
        int words = Texts.words(chunk).size();
        assertTrue(
            words >= fair / 2 && words <= fair * 2,
            "splitIntoChunks(1000 equal words, %d): a chunk holds %d words, but a fair share is about %d. Aim the i-th cut at i * length / n."
                .formatted(n, words, fair));
      }
    }
  }

  @Test
  void returns_no_more_chunks_than_words_allow_when_workers_outnumber_words() {
    assertSplitsCleanly("one two", 10);
    assertSplitsCleanly("x", 4);
  }

  @Test
  void splits_empty_and_blank_texts_into_chunks_with_no_words() {
    for (var text : new String[] {"", "   ", "\n\u2003\t"}) {
      for (int n = 1; n <= 3; n++) {
        assertSplitsCleanly(text, n);
      }
    }
  }

  @Test
  @BadInput
  void rejects_a_null_text() {
    assertThrows(
        NullPointerException.class,
        () -> split(null, 2),
        "splitIntoChunks(null, 2) must throw NullPointerException.");
  }

  @Test
  @BadInput
  void rejects_zero_or_negative_chunk_counts() {
    for (int n : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> split("a b", n),
          "splitIntoChunks(\"a b\", %d) must throw IllegalArgumentException: n must be at least 1."
              .formatted(n));
    }
  }

  /**
   * WordCount.splitIntoChunks(text, n), through Deadline: a loop that never ends fails in 15 s, and
   * says where.
   */
  private static List<String> split(String text, int n) {
    return Deadline.call(
        () -> WordCount.splitIntoChunks(text, n),
        "splitIntoChunks(%s, %d)".formatted(text == null ? "null" : Texts.show(text), n),
        "Check that every turn of your loop moves its position forward, also when it looks for the"
            + " end of a word.");
  }

  /** Checks the contract: at most n chunks whose words, in order, are the text's words. */
  private static List<String> assertSplitsCleanly(String text, int n) {
    var chunks = split(text, n);
    var call = "splitIntoChunks(%s, %d)".formatted(Texts.show(text), n);
    if (chunks == null) {
      fail(call + " returned null; return a list, empty if need be.");
    }
    assertTrue(
        chunks.size() <= n,
        "%s returned %d chunks; at most %d are allowed.".formatted(call, chunks.size(), n));
    var wordsOfChunks = new ArrayList<String>();
    for (var chunk : chunks) {
      if (chunk == null) {
        fail(call + " returned a null chunk.");
      }
      wordsOfChunks.addAll(Texts.words(chunk));
    }
    var expected = Texts.words(text);
    if (!wordsOfChunks.equals(expected)) {
      fail(
          "%s: the words of the chunks differ from the words of the text. %s Check that every cut falls between a whitespace code point and its neighbour, never between two non-whitespace code points (nor inside a surrogate pair), and that the last chunk runs to the end."
              .formatted(call, firstDifference(expected, wordsOfChunks)));
    }
    return chunks;
  }

  private static String firstDifference(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "Word %d should be %s but is %s."
            .formatted(i + 1, Texts.show(expected.get(i)), Texts.show(actual.get(i)));
      }
    }
    return "The text has %d words; the chunks have %d.".formatted(expected.size(), actual.size());
  }
}
