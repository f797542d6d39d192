package course.runner;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A warm JVM of its own that runs the exercises' tests, so that the learner's code never outlives
 * its check: a thread that hangs, loops for ever or is left behind dies with the JVM it ran in,
 * which is replaced before the next check. Checks that leave nothing behind (nearly all) reuse the
 * same JVM, already warm, so a verdict comes as fast as in the runner's own JVM.
 *
 * <p>The child is this class's {@link #main}. It reads one request a line on its standard input
 * (the test classes, the classpath, the log, the learner's sources), runs the tests with {@link
 * TestRun} in a fresh class loader, and answers on its standard output as {@link ForkedTests} does,
 * then says how many of the learner's threads are still alive ({@code leftovers}); any at all and
 * the parent replaces it. It ends when its input ends (the runner quit or was stopped).
 *
 * <p>{@code COURSE_TESTS_IN_PROCESS=1} runs the tests in the runner's own JVM instead, as before.
 */
final class TestJvm {

  /** How long the learner's threads get, after the tests ended, to end on their own. */
  static final long LEFTOVER_GRACE_MILLIS = 300;

  private static final TestJvm SHARED = new TestJvm("tests", false);
  private static volatile boolean keepWarm;

  /** The name of this JVM's class-data archive in {@code .course/runner/}: one per child. */
  private final String archive;

  /** Whether the child compiles with C1 alone, whatever the runner itself runs with. */
  private final boolean quickJit;

  private final Object lock = new Object();
  private Child child; // guarded by lock
  private volatile Child running;

  /** One child JVM and its pipes. */
  private record Child(Process process, BufferedReader from, PrintStream to) {
    void destroy() {
      process.destroyForcibly();
    }
  }

  private TestJvm(String archive, boolean quickJit) {
    this.archive = archive;
    this.quickJit = quickJit;
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "course-test-jvm-stop"));
  }

  /** The runner's one test JVM. */
  static TestJvm shared() {
    return SHARED;
  }

  /**
   * A test JVM of its own, for the corpus, which runs several at once: {@code name} names its
   * class-data archive, which two running JVMs must not share.
   */
  static TestJvm named(String name) {
    return new TestJvm(name, true);
  }

  /** Whether tests run in the runner's own JVM ({@code COURSE_TESTS_IN_PROCESS=1}). */
  static boolean inProcess() {
    return "1".equals(System.getenv("COURSE_TESTS_IN_PROCESS"));
  }

  /**
   * Watch mode: a replaced JVM starts again at once, so the next check finds it warm. A one-shot
   * run does not need it: the runner ends after its verdict.
   */
  static void keepWarm(boolean warm) {
    keepWarm = warm;
  }

  /** Starts the child in the background, if none is running: it boots while the code compiles. */
  void prestart(Path state) {
    if (inProcess()) {
      return;
    }
    synchronized (lock) {
      if (child == null || !child.process().isAlive()) {
        child = start(state, archive, quickJit);
      }
    }
  }

  /**
   * Runs the tests of {@code testClasses} with {@code classpath} in the child; replaces the child
   * when the learner's code left a thread behind, hung, or the child died.
   */
  TestRun.Outcome run(Path state, Path testClasses, List<Path> classpath, Path log, Path sources) {
    return run(state, testClasses, classpath, log, sources, null);
  }

  /**
   * Like {@link #run(Path, Path, List, Path, Path)}; with {@code stopAt} not null, the run stops at
   * the first failure that names it ({@link ForkedTests#stopAt}), as the corpus wants.
   */
  TestRun.Outcome run(
      Path state, Path testClasses, List<Path> classpath, Path log, Path sources, String stopAt) {
    if (inProcess()) {
      return TestRun.run(testClasses, classpath, log, sources, ForkedTests.stopAt(stopAt));
    }
    Child current;
    synchronized (lock) {
      if (child == null || !child.process().isAlive()) {
        child = start(state, archive, quickJit);
      }
      current = child;
    }
    running = current;
    var answer = new StringBuilder();
    boolean clean = false;
    try {
      current
          .to()
          .println(
              String.join(
                  "\t",
                  testClasses.toString(),
                  log.toString(),
                  sources == null ? "" : sources.toString(),
                  String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                  // "-": run every test; "=" and a fragment: stop at the first failure naming it.
                  stopAt == null ? "-" : "=" + stopAt));
      String line;
      while ((line = current.from().readLine()) != null && !line.equals("end")) {
        if (line.startsWith("leftovers\t")) {
          clean = line.equals("leftovers\t0");
        } else {
          answer.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      clean = false; // the child died: the outcome says so
    } finally {
      running = null;
    }
    if (!clean) {
      replace(current, state);
    }
    return ForkedTests.parse(answer.toString());
  }

  /** The process id of the test JVM, or -1 when none is running (for the runner's tests). */
  long pid() {
    synchronized (lock) {
      return child == null || !child.process().isAlive() ? -1 : child.process().pid();
    }
  }

  /** Stops the tests running now, if any (watch: the learner saved again): their JVM ends. */
  void abort() {
    var current = running;
    if (current != null) {
      current.destroy();
    }
  }

  private void replace(Child used, Path state) {
    used.destroy();
    try {
      // Its runaway threads must not compete with the next check for the CPU.
      used.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (lock) {
      if (child == used) {
        child = keepWarm ? start(state, archive, quickJit) : null;
      }
    }
  }

  /** Ends the child, if any (the corpus, when it is done with its JVMs). */
  void close() {
    synchronized (lock) {
      if (child != null) {
        // Its input ends: an idle child exits on its own, as at the end of a one-shot run.
        child.to().close();
        try {
          child.process().waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        child.destroy();
        child = null;
      }
    }
  }

  private static Child start(Path state, String archive, boolean quickJit) {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-XX:+EnableDynamicAgentLoading",
            "-Xshare:auto",
            "-XX:SharedArchiveFile=" + state.resolve("runner/" + archive + ".jsa"),
            "-XX:+AutoCreateSharedArchive",
            "-Xlog:disable",
            "-Xlog:all=off"));
    if (quickJit) {
      // Each case's tests run once, in classes loaded afresh: C2's long compiles of the JUnit
      // Platform and the test support would cost more CPU than they ever win back (measured on
      // chapter 03's corpus: 12 CPU-seconds with C1 alone, 20 with C2).
      command.add("-XX:TieredStopAtLevel=1");
    } else {
      // A one-shot run's quick JIT setting (verify.sh) suits its short-lived test JVM too.
      ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
          .filter(argument -> argument.startsWith("-XX:TieredStopAtLevel="))
          .forEach(command::add);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), TestJvm.class.getName()));
    try {
      var errors = state.resolve("test-jvm-errors.txt").toFile();
      errors.getParentFile().mkdirs();
      var process =
          new ProcessBuilder(command)
              .directory(state.getParent().toFile())
              .redirectError(ProcessBuilder.Redirect.appendTo(errors))
              .start();
      return new Child(
          process,
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)),
          new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The child: runs one request a line until its input ends. */
  public static void main(String[] args) throws IOException {
    var protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
    // What the learner's threads print after their tests ended must not mix with the answers.
    System.setOut(System.err);
    LauncherFactory.create(); // warm: loads the launcher while the runner compiles
    var in = new BufferedReader(new InputStreamReader(System.in, UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      var fields = line.split("\t", -1);
      var classpath =
          Arrays.stream(fields[3].split(File.pathSeparator))
              .filter(entry -> !entry.isEmpty())
              .map(Path::of)
              .toList();
      var before = new HashSet<>(Thread.getAllStackTraces().keySet());
      var outcome =
          TestRun.run(
              Path.of(fields[0]),
              classpath,
              Path.of(fields[1]),
              fields[2].isEmpty() ? null : Path.of(fields[2]),
              ForkedTests.stopAt(fields[4].equals("-") ? null : fields[4].substring(1)));
      protocol.print(ForkedTests.format(outcome));
      protocol.println("leftovers\t" + leftovers(before));
      protocol.println("end");
    }
    System.exit(0);
  }

  private static final java.nio.charset.Charset UTF_8 = StandardCharsets.UTF_8;

  /**
   * The threads the tests started that are still alive after a short grace: those that are not
   * daemons, and those still inside the exercise's classes (its class loader is named "exercise").
   */
  private static int leftovers(Set<Thread> before) {
    long deadline = System.currentTimeMillis() + LEFTOVER_GRACE_MILLIS;
    while (true) {
      var left =
          Thread.getAllStackTraces().entrySet().stream()
              .filter(entry -> !before.contains(entry.getKey()) && entry.getKey().isAlive())
              .filter(
                  entry ->
                      !entry.getKey().isDaemon()
                          || Arrays.stream(entry.getValue())
                              .anyMatch(frame -> "exercise".equals(frame.getClassLoaderName())))
              .count();
      if (left == 0 || System.currentTimeMillis() > deadline) {
        return (int) left;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return (int) left;
      }
    }
  }
}
