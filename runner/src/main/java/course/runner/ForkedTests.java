package course.runner;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs an exercise's tests in a JVM of their own, started with the exercise's classpath, as
 * Surefire does, for the exercises that need it:
 *
 * <ul>
 *   <li>those that test with a library that instruments classes through a Java agent of its own and
 *       so cannot share the runner's JVM (Lincheck: {@link #NEEDS_OWN_JVM});
 *   <li>those whose pom sets the property {@code <course.runner.fork>true</course.runner.fork>}
 *       (JVM flags of their own, say);
 *   <li>every exercise, with {@code COURSE_FORK=1}.
 * </ul>
 *
 * <p>It costs a JVM start, about half a second more than a run in the runner's own JVM. The child
 * is this class's {@link #main}: it runs the tests with {@link TestRun} and prints the outcome on
 * its standard output, one line per fact, which the parent reads back.
 */
public final class ForkedTests {

  /** Libraries (parts of a jar's path) whose tests need a JVM of their own. */
  static final List<String> NEEDS_OWN_JVM = List.of("/lincheck/");

  private ForkedTests() {}

  /** Whether {@code exercise}'s tests, with {@code libraries}, should run in a JVM of their own. */
  static boolean wanted(Exercise exercise, List<Path> libraries) {
    return "1".equals(System.getenv("COURSE_FORK"))
        || FileOperations.readOrEmpty(exercise.dir().resolve("pom.xml"))
            .contains("<course.runner.fork>true</course.runner.fork>")
        || libraries.stream()
            .map(path -> path.toString().replace('\\', '/'))
            .anyMatch(path -> NEEDS_OWN_JVM.stream().anyMatch(path::contains));
  }

  /** Runs the tests in {@code testClasses} in a child JVM with {@code classpath}. */
  static TestRun.Outcome run(Path testClasses, List<Path> classpath, Path log) {
    return run(testClasses, classpath, log, null);
  }

  /**
   * Like {@link #run(Path, List, Path)}; with {@code stopAt} not null, the run stops at the first
   * failure whose message holds it, ignoring case (any failure, when it is empty).
   */
  static TestRun.Outcome run(Path testClasses, List<Path> classpath, Path log, String stopAt) {
    var entries = new ArrayList<String>();
    classpath.forEach(path -> entries.add(path.toString()));
    entries.addAll(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:+EnableDynamicAgentLoading",
            "-Xshare:auto",
            "-Xlog:disable",
            "-Xlog:all=off",
            "-cp",
            String.join(File.pathSeparator, entries),
            ForkedTests.class.getName(),
            testClasses.toString(),
            log.toString());
    if (stopAt != null) {
      command = new ArrayList<>(command);
      command.add(STOP_AT + stopAt);
    }
    try {
      var process =
          new ProcessBuilder(command)
              .redirectError(log.resolveSibling("fork-errors.txt").toFile())
              .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
      }
      return parse(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the tests ran", e);
    }
  }

  /** The child: runs the tests of {@code args[0]}, their output to {@code args[1]}. */
  public static void main(String[] args) {
    var classpath =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of)
            .toList();
    var stopAt =
        stopAt(
            args.length > 2 && args[2].startsWith(STOP_AT)
                ? args[2].substring(STOP_AT.length())
                : null);
    var outcome = TestRun.run(Path.of(args[0]), classpath, Path.of(args[1]), null, stopAt);
    System.out.print(format(outcome));
    System.out.flush();
    System.exit(0); // threads the tests left behind must not keep the child alive
  }

  private static final String STOP_AT = "--stop-at=";

  /**
   * A failure whose test name or message holds {@code fragment}, ignoring case; none at all when
   * {@code fragment} is null.
   */
  static Predicate<TestRun.Failure> stopAt(String fragment) {
    if (fragment == null) {
      return failure -> false;
    }
    var wanted = fragment.toLowerCase(Locale.ROOT);
    return failure ->
        (failure.test() + ": " + failure.message()).toLowerCase(Locale.ROOT).contains(wanted);
  }

  /** An outcome as lines of text, one fact a line, for the parent to {@link #parse}. */
  static String format(TestRun.Outcome outcome) {
    var out = new StringBuilder();
    out.append("tests\t").append(outcome.tests()).append('\n');
    out.append("skipped\t").append(outcome.skipped()).append('\n');
    for (var failure : outcome.failures()) {
      out.append("failure\t")
          .append(escape(failure.test()))
          .append('\t')
          .append(escape(failure.type()))
          .append('\t')
          .append(escape(failure.message()))
          .append('\t')
          .append(failure.badInput())
          .append('\t')
          .append(failure.integration())
          .append('\n');
    }
    return out.toString();
  }

  static TestRun.Outcome parse(String output) {
    int tests = 0;
    int skipped = 0;
    var failures = new ArrayList<TestRun.Failure>();
    for (var line : output.lines().toList()) {
      var fields = line.split("\t", -1);
      switch (fields[0]) {
        case "tests" -> tests = Integer.parseInt(fields[1]);
        case "skipped" -> skipped = Integer.parseInt(fields[1]);
        case "failure" ->
            failures.add(
                new TestRun.Failure(
                    unescape(fields[1]),
                    unescape(fields[2]),
                    unescape(fields[3]),
                    fields.length > 4 && fields[4].equals("true"),
                    fields.length > 5 && fields[5].equals("true")));
        default -> {}
      }
    }
    if (tests == 0 && failures.isEmpty()) {
      failures.add(
          new TestRun.Failure(
              "the test JVM",
              "crash",
              "The JVM running the tests ended early (did the code call System.exit?)."));
    }
    return new TestRun.Outcome(tests, skipped, List.copyOf(failures));
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "");
  }

  private static String unescape(String text) {
    var out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
