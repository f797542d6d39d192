package course.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * The one median of the course's measurements: every program in {@code course.bench.measure}, the
 * benchmark's {@code wc -w} yardstick, and the scripts that cannot be Java (runner/measure.sh,
 * book/code/gil_python.py, through {@code bench/measure.sh}) take their medians from here.
 */
public final class Stats {

  private Stats() {}

  /**
   * The middle value; for an even count, the mean of the two middle ones.
   *
   * @param values at least one value; not changed
   * @return the median
   * @throws IllegalArgumentException if there are no values
   */
  public static double median(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("the median of no values: measure at least once");
    }
    var sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /**
   * The median of {@code values}, as {@link #median(double...)}.
   *
   * @param values at least one value
   * @return the median
   */
  public static double median(Collection<? extends Number> values) {
    return median(values.stream().mapToDouble(Number::doubleValue).toArray());
  }
}
