package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a child JVM of the tests reports reaches the runner whole. */
class ForkedTestsTest {

  @Test
  void an_outcome_comes_back_from_the_child_with_every_fact_of_each_failure() {
    var outcome =
        new TestRun.Outcome(
            12,
            1,
            List.of(
                new TestRun.Failure("A: one", "java.lang.AssertionError", "two\nlines\twith tab"),
                new TestRun.Failure("A: bad", "java.lang.AssertionError", "bad input", true),
                new TestRun.Failure(
                    "B: built", "java.lang.AssertionError", "on top", false, true)));
    assertEquals(outcome, ForkedTests.parse(ForkedTests.format(outcome)));
  }
}
