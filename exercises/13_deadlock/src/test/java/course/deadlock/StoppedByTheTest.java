package course.deadlock;

/**
 * Thrown into a merge thread that the test stops: it was deadlocked, livelocked or stuck, and the
 * test has already said why. An {@link Error}, so that a {@code catch (Exception e)} in the code
 * under test does not keep the thread alive.
 */
final class StoppedByTheTest extends Error {
  StoppedByTheTest(String where) {
    super("stopped by the test, " + where + ": the test has already reported why");
  }
}
