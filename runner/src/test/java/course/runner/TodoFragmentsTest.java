package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TodoFragmentsTest {

  private static final Path FILE = Path.of("WordCount.java");

  @Test
  void finds_the_pieces_a_formatter_leaves_of_a_wrapped_todo() {
    var source =
        """
            // TODO: this thread counts while it holds the global lock, so the other
            // threads wait
            //  for it: one chunk at a time. Count first, without the lock
            // (countWords touches no
            //  shared state), and attach only to add the count.
            results.add(words);
        """;
    var found = TodoFragments.in(FILE, source);
    assertEquals(2, found.size(), found.toString());
    assertEquals("threads wait", found.get(0).text());
    assertEquals(2, found.get(0).line());
    assertEquals("(countWords touches no", found.get(1).text());
  }

  @Test
  void accepts_a_todo_wrapped_in_whole_lines() {
    var source =
        """
            // TODO: this thread counts while it holds the global
            //  lock, so the other threads wait for it: one chunk
            //  at a time. Read book/04_globallock.md, "Take the
            //  lock for what is shared, and only that".
            results.add(words);
            // A comment of another kind:
            // a short line
            // then lower case.
        """;
    assertEquals(0, TodoFragments.in(FILE, source).size());
  }
}
