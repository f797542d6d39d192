package course.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void an_odd_count_gives_the_middle_value_whatever_the_order() {
    assertEquals(3.0, Stats.median(5, 1, 3));
    assertEquals(7.0, Stats.median(List.of(9L, 7L, 2L, 8L, 1L)));
  }

  @Test
  void an_even_count_gives_the_mean_of_the_two_middle_values() {
    assertEquals(2.5, Stats.median(4, 1, 3, 2));
    assertEquals(10.5, Stats.median(List.of(10, 11)));
  }

  @Test
  void one_value_is_its_own_median_and_the_input_is_left_unsorted() {
    var values = new double[] {3, 1, 2};
    assertEquals(2.0, Stats.median(values));
    assertEquals(3.0, values[0], "median must not sort the caller's array");
    assertEquals(4.0, Stats.median(4));
  }

  @Test
  void no_values_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
  }
}
