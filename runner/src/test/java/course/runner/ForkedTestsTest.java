package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void a_wrong_corpus_case_stops_at_a_failure_that_names_its_lesson_in_test_or_message() {
    var stop = ForkedTests.stopAt("At The Same Time");
    assertTrue(stop.test(new TestRun.Failure("A: runs at the same time", "E", "expected 4")));
    assertTrue(stop.test(new TestRun.Failure("A: one", "E", "not at the same time: 1 of 4")));
    assertFalse(stop.test(new TestRun.Failure("A: one", "E", "expected 4 but was 3")));
    assertTrue(
        ForkedTests.stopAt("").test(new TestRun.Failure("A: one", "E", "")),
        "no fragment: the first failure stops the run");
  }
}
