package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LinesAddedTest {

  @Test
  void counts_the_code_lines_the_solution_adds_and_not_the_comments_or_kept_lines() {
    var stub =
        """
        class A {
          /** Javadoc. */
          long count() {
            // TODO: count
            throw new UnsupportedOperationException();
          }
        }
        """;
    var solution =
        """
        class A {
          long count() {
            // the loop counts

            long n = 0;
            for (int i = 0; i < 3; i++) n++;
            return n;
          }
        }
        """;
    // Three lines added (n, the loop, return); the throw is gone, which adds nothing.
    assertEquals(3, LinesAdded.added(LinesAdded.code(stub), LinesAdded.code(solution)));
  }

  @Test
  void a_line_moved_past_others_counts_once() {
    var stub = "a();\nb();\nc();\n";
    var solution = "b();\nc();\na();\n";
    assertEquals(1, LinesAdded.added(LinesAdded.code(stub), LinesAdded.code(solution)));
  }
}
