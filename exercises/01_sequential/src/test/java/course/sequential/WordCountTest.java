package course.sequential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCountTest {

  @ParameterizedTest(name = "{0} has {1} words")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          ''                        | 0
          'hello'                   | 1
          'hello world'             | 2
          '   hello   world   '     | 2
          'one, two; three.'        | 3
          """)
  void counts_the_words_of_short_texts(String text, long expected) {
    assertEquals(expected, count(text), () -> message(text, expected));
  }

  @Test
  void counts_nothing_in_a_text_of_only_whitespace() {
    for (var text : new String[] {" ", "\n\n", " \t \r\n ", "\u2003\u3000"}) {
      assertEquals(0, count(text), () -> message(text, 0));
    }
  }

  @Test
  void treats_tabs_and_line_breaks_as_separators() {
    var text = "one\ttwo\nthree\r\nfour";
    assertEquals(4, count(text), () -> message(text, 4));
  }

  @Test
  void treats_unicode_spaces_as_separators() {
    var text = "em\u2003space ideographic\u3000space line\u2028separator";
    assertEquals(
        6,
        count(text),
        () ->
            message(text, 6)
                + " U+2003, U+3000 and U+2028 are whitespace for Character.isWhitespace(int).");
  }

  @Test
  void keeps_a_no_break_space_inside_a_word() {
    var text = "a\u00A0b c";
    assertEquals(
        2,
        count(text),
        () ->
            message(text, 2)
                + " Character.isWhitespace(0xA0) is false: a no-break space does not end a word.");
  }

  @Test
  void counts_emoji_and_other_surrogate_pairs_as_one_code_point() {
    var text = "😀 x😀y 😀😀";
    assertEquals(
        3,
        count(text),
        () ->
            message(text, 3) + " Walk code points (codePointAt, Character.charCount), not chars.");
  }

  @Test
  void agrees_with_the_course_oracle_on_a_long_mixed_text() {
    var text = Texts.generate(1, 5_000);
    assertEquals(5_000, count(text), () -> message(text, 5_000));
  }

  @Test
  @BadInput
  void rejects_null_with_a_null_pointer_exception() {
    assertThrows(
        NullPointerException.class,
        () -> count(null),
        "count(null) must throw NullPointerException (Objects.requireNonNull does it).");
  }

  /**
   * WordCount.count(text), through Deadline: a loop that never ends fails in 15 s, and says where.
   */
  private static long count(String text) {
    return Deadline.call(
        () -> WordCount.count(text),
        "count(%s)".formatted(text == null ? "null" : Texts.show(text)),
        "Check that every turn of your loop moves on through the text.");
  }

  private static String message(String text, long expected) {
    return "count(%s) should be %d.".formatted(Texts.show(text), expected);
  }
}
