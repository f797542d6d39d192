package course.runner;

/** With {@code COURSE_TIMING=1}, prints how long each step took, to standard error. */
final class Timing {

  private static final boolean ON = "1".equals(System.getenv("COURSE_TIMING"));
  private static final long START = System.nanoTime();

  private Timing() {}

  /** Prints "step: ms since since, ms since the JVM's runner started". */
  static void lap(String step, long since) {
    if (ON) {
      long now = System.nanoTime();
      System.err.printf(
          "[timing] %-8s %5d ms (at %d ms)%n",
          step, (now - since) / 1_000_000, (now - START) / 1_000_000);
    }
  }
}
