package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Learner code that does not return, planted in exercise 03 of a scratch copy: an endless wait on a
 * queue, a deadlock between the caller and its workers, a runaway loop. Each verdict must come in
 * about 20 s, say what kind of hang it is, and name the line in the learner's file; and the test
 * JVM the hang ran in must not outlive the check. Its tests share one copy, and so its warm test
 * JVM: they run one after another (the other classes' tests run beside them).
 */
@Execution(ExecutionMode.SAME_THREAD)
class HangDiagnosisTest {

  private static final String FILE =
      "exercises/03_threads/src/main/java/course/threads/WordCount.java";

  /** Generous: Deadline's 15 s, the other tests of 03, and a busy 2-core machine. */
  private static final Duration VERDICT_WITHIN = Duration.ofSeconds(90);

  private static ScratchCourse copy;

  @BeforeAll
  static void copyTheCourse() throws Exception {
    copy = ScratchCourse.create();
    // Warm: the support code compiled, the test JVM started, as for a learner's later checks.
    new Checker(copy.course(), new Progress(copy.course()), true).check(copy.exercise("03"));
  }

  @AfterAll
  static void removeTheCopy() {
    copy.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "wait     ; did not return within 15 s ; (WAITING): waits in LinkedBlockingQueue.take() ; 37",
        "deadlock ; is stuck in a deadlock     ; (BLOCKED) waits to enter synchronized on       ; 39|40",
        "runaway  ; did not return within 15 s ; (RUNNABLE): runs, not waiting                  ; 38"
      })
  void a_hang_says_where_each_thread_is_stuck(
      String plant, String kind, String state, String lines) {
    copy.plant(plant);
    var checker = new Checker(copy.course(), new Progress(copy.course()), true);
    long start = System.nanoTime();
    var verdict = checker.check(copy.exercise("03"));
    var took = Duration.ofNanos(System.nanoTime() - start);
    System.out.printf("hang verdict (%s): %d ms%n", plant, took.toMillis());

    var failed = assertInstanceOf(Verdict.Failed.class, verdict, "the verdict on " + plant);
    var first = failed.outcome().ranked().getFirst();
    assertTrue(first.hang(), "the first failure shown is the hang: " + first);
    var message = first.message();
    assertTrue(message.contains(kind), plant + ": " + message);
    assertTrue(message.contains(state), plant + ": " + message);
    // Relative to the course when it can be, else absolute: clickable in a terminal either way.
    var line = java.util.regex.Pattern.compile("at (?:\\S*/)?" + FILE + ":(" + lines + ")\\b");
    assertTrue(line.matcher(message).find(), plant + ": " + message);
    assertTrue(
        took.compareTo(VERDICT_WITHIN) < 0,
        plant + ": the verdict took " + took.toSeconds() + " s");

    var screen = String.join("\n", new Printer(new Ansi(false)).lines(verdict));
    assertTrue(line.matcher(screen).find(), screen);
    var failures = FileOperations.readOrEmpty(copy.root().resolve(Printer.FAILURES_FILE));
    assertTrue(line.matcher(failures).find(), failures);
  }

  @Test
  void a_hang_in_virtual_threads_shows_where_they_wait() {
    var file = "exercises/10_virtualthreads/src/main/java/course/virtualthreads/WordCount.java";
    copy.plant("virtual-wait", copy.root().resolve(file));
    var checker = new Checker(copy.course(), new Progress(copy.course()), true);
    var verdict = checker.check(copy.exercise("10"));

    var failed = assertInstanceOf(Verdict.Failed.class, verdict, "the verdict on virtual-wait");
    var first = failed.outcome().ranked().getFirst();
    assertTrue(first.hang(), "the first failure shown is the hang: " + first);
    var message = first.message();
    // ThreadMXBean does not list virtual threads: they come from the JDK's thread dump.
    assertTrue(
        message.contains("virtual threads (WAITING): waits in LinkedBlockingQueue.take()"),
        message);
    var line = java.util.regex.Pattern.compile("at (?:\\S*/)?" + file + ":48\\b");
    assertTrue(line.matcher(message).find(), message);
  }

  @Test
  void a_runaway_thread_dies_with_its_test_jvm_and_the_next_check_passes() throws Exception {
    copy.plant("runaway");
    var checker = new Checker(copy.course(), new Progress(copy.course()), true);
    TestJvm.shared().prestart(copy.course().state());
    long used = TestJvm.shared().pid();
    assertInstanceOf(Verdict.Failed.class, checker.check(copy.exercise("03")));
    assertNotEquals(used, TestJvm.shared().pid(), "the test JVM of the hang is not reused");
    var old = ProcessHandle.of(used);
    if (old.isPresent()) {
      old.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS); // killed, being reaped
    }
    assertFalse(
        ProcessHandle.of(used).map(ProcessHandle::isAlive).orElse(false),
        "the test JVM the runaway threads ran in must be gone");

    copy.solve("03");
    var verdict = checker.check(copy.exercise("03"));
    assertInstanceOf(Verdict.Passed.class, verdict, () -> String.valueOf(verdict));
    assertNotEquals(used, TestJvm.shared().pid(), "a fresh test JVM ran the next check");
  }

  @Test
  void a_check_that_leaves_nothing_behind_keeps_its_warm_test_jvm() {
    copy.solve("03");
    var checker = new Checker(copy.course(), new Progress(copy.course()), true);
    assertInstanceOf(Verdict.Passed.class, checker.check(copy.exercise("03")));
    long used = TestJvm.shared().pid();
    assertTrue(used > 0, "the test JVM stays up after a clean check");
    assertInstanceOf(Verdict.Passed.class, checker.check(copy.exercise("03")));
    assertEquals(used, TestJvm.shared().pid(), "the same warm JVM ran the second check");
  }
}
