package course.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RunMediansTest {

  @Test
  void prints_the_median_of_a_series_beside_its_runs() {
    assertEquals(
        "one-shot, 03 edited: median 812 ms  (runs: 845 812 790)",
        RunMedians.summary("one-shot, 03 edited: 845 812 790"));
    assertEquals("watch: median 15 ms  (runs: 10 20)", RunMedians.summary("watch: 10 20"));
    assertEquals("  nothing:   median 3 ms  (runs: 3)", RunMedians.summary("  nothing:   3"));
  }

  @Test
  void says_so_when_a_series_has_no_runs() {
    assertEquals("tests: no runs", RunMedians.summary("tests:"));
  }

  @Test
  void refuses_a_line_without_a_label() {
    assertThrows(IllegalArgumentException.class, () -> RunMedians.summary("812 790"));
  }
}
