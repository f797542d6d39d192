package course.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.testing.Texts;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ChunksTest {

  @Test
  void split_chunks_join_back_into_the_text_and_keep_every_word() {
    for (long seed = 1; seed <= 50; seed++) {
      var text = Texts.generate(seed, (int) seed * 13);
      for (int n = 1; n <= 9; n++) {
        var chunks = Chunks.split(text, n);
        assertTrue(chunks.size() <= n);
        assertEquals(text, String.join("", chunks));
        var words = new ArrayList<String>();
        chunks.forEach(chunk -> words.addAll(Texts.words(chunk)));
        assertEquals(Texts.words(text), words, "seed " + seed + ", n " + n);
        assertTrue(chunks.stream().noneMatch(String::isEmpty));
      }
    }
  }

  @Test
  void split_gives_n_balanced_chunks_of_a_uniform_text() {
    var chunks = Chunks.split(Texts.uniform("word", 1_000), 4);
    assertEquals(4, chunks.size());
    chunks.forEach(chunk -> assertTrue(Math.abs(Texts.words(chunk).size() - 250) <= 2));
  }

  @Test
  void split_of_an_empty_text_is_empty_and_bad_arguments_are_refused() {
    assertEquals(0, Chunks.split("", 3).size());
    assertThrows(NullPointerException.class, () -> Chunks.split(null, 1));
    assertThrows(IllegalArgumentException.class, () -> Chunks.split("a", 0));
  }

  @Test
  void count_words_agrees_with_the_oracle() {
    for (long seed = 1; seed <= 20; seed++) {
      var text = Texts.generate(seed, 500);
      assertEquals(Texts.words(text).size(), Chunks.countWords(text));
      assertEquals(500, Chunks.countWordsUnobserved(text));
    }
    assertEquals(
        Chunks.countWordsUnobserved(new StringBuilder("a\uD83D b \uDE00c 😀 d")),
        Chunks.countWords("a\uD83D b \uDE00c 😀 d"),
        "lone surrogates and pairs: the String loop agrees with the CharSequence loop");
    assertEquals(0, Chunks.countWords(" \u2003\n"));
    assertEquals(1, Chunks.countWords("a\u00A0b"));
  }

  @Test
  void count_words_of_a_range_agrees_with_counting_a_copy_of_it() {
    var text = Texts.generate(7, 3_000);
    var chunks = Chunks.split(text, 7);
    int from = 0;
    for (var chunk : chunks) {
      assertEquals(Chunks.countWords(chunk), Chunks.countWords(text, from, from + chunk.length()));
      from += chunk.length();
    }
    assertEquals(1, Chunks.countWords("a😀", 0, 2), "a lone high surrogate at the end of a range");
    assertEquals(0, Chunks.countWords("abc", 1, 1));
    assertThrows(IndexOutOfBoundsException.class, () -> Chunks.countWords("abc", 2, 4));
    assertThrows(NullPointerException.class, () -> Chunks.countWords(null, 0, 0));
  }

  @Test
  void slices_cut_where_split_cuts_and_count_the_same() {
    for (long seed = 1; seed <= 30; seed++) {
      var text = Texts.generate(seed, (int) seed * 17);
      for (int n = 1; n <= 9; n++) {
        var chunks = Chunks.split(text, n);
        var slices = Chunks.slices(text, n);
        assertEquals(chunks, slices.stream().map(CharSequence::toString).toList());
        for (int i = 0; i < chunks.size(); i++) {
          assertEquals(Chunks.countWords(chunks.get(i)), Chunks.countWords(slices.get(i)));
        }
      }
    }
    assertEquals(0, Chunks.slices("", 3).size());
    assertThrows(NullPointerException.class, () -> Chunks.slices(null, 1));
    assertThrows(IllegalArgumentException.class, () -> Chunks.slices("a", 0));
  }

  @Test
  void a_slice_is_a_view_that_reads_the_shared_text() {
    var slice = Chunks.slices("one two three four", 2).get(1);
    assertEquals(" four", slice.toString(), "the cut moves forward out of \"three\"");
    assertEquals('f', slice.charAt(1));
    assertEquals("fou", slice.subSequence(1, 4).toString());
    assertEquals(1, Chunks.countWords(slice.subSequence(0, 5)));
    assertThrows(IndexOutOfBoundsException.class, () -> slice.charAt(slice.length()));
    assertThrows(IndexOutOfBoundsException.class, () -> slice.subSequence(3, 2));
    assertEquals(
        Chunks.countWordsUnobserved(new StringBuilder("a \uD83D\uDE00 b\u2003c")),
        Chunks.countWords(Chunks.slices("x a \uD83D\uDE00 b\u2003c", 1).get(0).subSequence(2, 10)),
        "a slice counts surrogate pairs and Unicode spaces like the CharSequence loop");
  }

  @Test
  void child_jvm_command_runs_this_classpath() {
    var command = ChildJvm.command(course.support.testing.StandInWorker.class);
    assertTrue(command.get(0).endsWith("java"));
    assertEquals("course.support.testing.StandInWorker", command.get(command.size() - 1));
  }
}
