package course.atomics;

import course.support.testing.Deadline;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lesson: no update may be lost, however the workers' steps interleave.
 *
 * <p>A lost update needs two workers to read the same old count before either writes it back: a
 * window of a few nanoseconds that a normal run almost never hits. Lincheck's model checker runs
 * {@code of("a b a b", 2)} many times and takes control of the two threads it starts, switching
 * between them at reads and writes of shared memory, so it walks into that window on purpose and
 * prints the interleaving that lost the update. Both workers meet both words, so a count lost on an
 * existing word and an entry lost while two workers insert new words are both in reach.
 *
 * <p>Public class and method: Lincheck needs them. The runner gives this class a JVM of its own
 * (Lincheck loads a Java agent); Surefire's argLine allows the agent.
 */
public class LostUpdateTest {

  private static final String TEXT = "a b a b";
  private static final Map<String, Long> EXPECTED = Map.of("a", 2L, "b", 2L);

  /**
   * How many schedules the model checker tries. Every wrong case of the maintainers' corpus is
   * caught within the first few; the rest are for the margin (book/11_atomics.md, "How the tests
   * catch a lost update").
   */
  private static final int INVOCATIONS = 200;

  /** Lincheck instruments the JDK's classes first: slow on a loaded machine, once per JVM. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  public void no_update_is_lost_however_the_workers_interleave() {
    // First a plain call, so that a stub or a plainly wrong answer fails with a short message.
    Map<String, Long> plain =
        Deadline.call(
            () -> Frequencies.of(TEXT, 2),
            "Frequencies.of(\"a b a b\", 2)",
            "Check that you start every worker before you wait for any.");
    if (!EXPECTED.equals(plain)) {
      throw new AssertionError(
          "of(\"a b a b\", 2) returned %s, but the text holds \"a\" twice and \"b\" twice."
              .formatted(plain));
    }
    String report;
    try {
      Lincheck.runConcurrentTest(INVOCATIONS, LostUpdateTest::countFourWords);
      return;
    } catch (AssertionError e) {
      report = e.getMessage() == null ? "" : e.getMessage();
    }
    if (report.contains(LOST)) {
      throw new AssertionError(
          "An update was lost: two workers counted \"a\" and \"b\" twice in all, but on the"
              + " schedule below the map ended up with less. One worker read the old count, the"
              + " other wrote a new one in between, and the first wrote over it. Make each word's"
              + " update one atomic step on the shared map"
              + SECTIONS
              + interleaving(report));
    }
    // Anything else (a "hang", above all) is not held against the learner: measured on a loaded
    // 2-core machine, Lincheck 3.7 reports hangs for correct code too (a HashMap under one shared
    // lock, LongAdder, per-thread maps), so a hang is no evidence of a lost update.
    System.out.println(
        "LostUpdateTest: the model checker could not judge this code, so it is not held against"
            + " it:\n"
            + report.lines().limit(5).collect(Collectors.joining("\n")));
  }

  private static final String LOST = "lost update:";

  private static final String SECTIONS =
      " (book/11_atomics.md, \"A lost update\" and \"Updating a shared map in one step\").\n\n";

  private static void countFourWords() {
    Map<String, Long> counts;
    try {
      counts = Frequencies.of(TEXT, 2);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    if (!EXPECTED.equals(counts)) {
      throw new AssertionError(LOST + " of(\"a b a b\", 2) returned " + counts);
    }
  }

  /** Lincheck's report without its long detailed trace: the exception and the interleaving. */
  private static String interleaving(String report) {
    int cut = report.indexOf("Detailed trace:");
    return cut < 0 ? report : report.substring(0, cut).strip();
  }
}
