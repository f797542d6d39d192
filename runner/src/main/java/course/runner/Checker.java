package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one exercise, the way Maven would test its module, only faster: the tests must be the
 * course's own, the files must all be there, then the code is compiled in this JVM and the tests
 * run in this JVM. An exercise that passed and has not changed since is not run again.
 */
public final class Checker {

  /** Whose code to check against the exercise's tests. */
  public enum Code {
    /** The learner's: {@code exercises/NN_topic/src/main}. */
    EXERCISE,
    /** The reference answer: {@code solutions/NN_topic/src/main} (for the self-check). */
    SOLUTION
  }

  private final Course course;
  private final Progress progress;
  private final boolean recheck;
  private volatile java.util.function.Consumer<Exercise> onRun = exercise -> {};

  /**
   * @param recheck run every exercise's tests, even those that passed and have not changed
   */
  public Checker(Course course, Progress progress, boolean recheck) {
    this.course = course;
    this.progress = progress;
    this.recheck = recheck;
  }

  /** Calls {@code listener} each time an exercise is compiled and tested (not remembered). */
  public void onRun(java.util.function.Consumer<Exercise> listener) {
    this.onRun = listener;
  }

  /** Checks the learner's code of {@code exercise}. */
  public Verdict check(Exercise exercise) {
    return check(exercise, Code.EXERCISE);
  }

  /** Checks {@code code} of {@code exercise}. */
  public Verdict check(Exercise exercise, Code code) {
    var tests = Manifest.tests(course);
    var changedTests = tests.changes(course.root(), exercise.dir().resolve("src/test"));
    // An exercise the manifest does not know yet (a maintainer forgot ./verify.sh manifest;
    // the self-check says so) is not held against the learner.
    var known = !tests.pathsUnder("exercises/" + exercise.name() + "/").isEmpty();
    if (known && !changedTests.isEmpty()) {
      return new Verdict.TestsChanged(exercise, changedTests);
    }
    if (code == Code.EXERCISE) {
      var missing = missingFiles(exercise);
      if (!missing.isEmpty()) {
        return new Verdict.FileMissing(exercise, missing);
      }
      var fingerprint = fingerprint(exercise);
      if (!recheck && progress.passedWith(exercise, fingerprint)) {
        return new Verdict.Passed(exercise, null);
      }
      onRun.accept(exercise);
      var verdict = compileAndTest(exercise, code);
      // Marked with the fingerprint taken before the check: a save during it is checked again.
      if (verdict.done()) {
        progress.markPassed(exercise, fingerprint);
      }
      return verdict;
    }
    return compileAndTest(exercise, code);
  }

  /**
   * The fingerprint of everything an exercise's verdict depends on: its sources and tests, the
   * support code, the poms (through Maven's classpath) and the runner itself.
   */
  public String fingerprint(Exercise exercise) {
    return Fingerprint.ofTrees(
        course.root(),
        List.of(
            exercise.dir().resolve("src"),
            course.supportSources(),
            course.state().resolve("classpath/poms.sha256"),
            course.state().resolve("runner/stamp")));
  }

  /** The files of the stub that are no longer there. */
  public List<String> missingFiles(Exercise exercise) {
    var missing = new ArrayList<String>();
    for (var path : Manifest.stubs(course).pathsUnder("exercises/" + exercise.name() + "/")) {
      if (!Files.exists(course.root().resolve(path))) {
        missing.add(path);
      }
    }
    return missing;
  }

  /**
   * Compiles and tests, holding a lock on {@code .course/build.lock}: a {@code ./verify.sh} run
   * while {@code watch} runs in another terminal waits for it rather than share its folders.
   */
  private Verdict compileAndTest(Exercise exercise, Code code) {
    var lockFile = course.state().resolve("build.lock");
    try (var channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        var lock = channel.lock()) {
      return compileAndTestLocked(exercise, code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Verdict compileAndTestLocked(Exercise exercise, Code code) {
    var build =
        course
            .state()
            .resolve("build")
            .resolve(code.name().toLowerCase())
            .resolve(exercise.name())
            .resolve("target");
    long t0 = System.nanoTime();
    TestJvm.shared().prestart(course.state()); // it boots while the code compiles
    var libraries = Classpaths.libraries(course, exercise, supportClasses(exercise));
    Timing.lap("support", t0);
    var main = code == Code.EXERCISE ? exercise.mainSources() : solutionOverStub(exercise, build);
    var classes = build.resolve("classes");
    var compiled = Compilation.compile(main, main.resolveSibling("resources"), libraries, classes);
    if (compiled.error().isPresent()) {
      return compileErrors(new Verdict.DoesNotCompile(exercise, compiled.errors()));
    }
    // ArchUnit's ImportOption.DoNotIncludeTests knows test classes by ".../target/test-classes/".
    var testClasses = build.resolve("test-classes");
    var testClasspath = new ArrayList<Path>(List.of(testClasses, classes));
    testClasspath.addAll(libraries);
    var testsCompiled = compileTests(exercise, compiled.api(), testClasspath);
    if (!testsCompiled.isEmpty()) {
      return compileErrors(new Verdict.DoesNotCompile(exercise, testsCompiled));
    }
    Timing.lap("compile", t0);
    var log = build.resolve("tests-output.txt");
    var outcome =
        ForkedTests.wanted(exercise, libraries)
            ? ForkedTests.run(testClasses, testClasspath, log)
            : TestJvm.shared().run(course.state(), testClasses, testClasspath, log, main);
    Timing.lap("tests", t0);
    writeFailures(exercise, outcome);
    return outcome.passed()
        ? new Verdict.Passed(exercise, outcome)
        : new Verdict.Failed(exercise, outcome);
  }

  /**
   * The reference solution's sources, with the stub's files that the solution does not hold (such
   * as 02's {@code CountWorker}, given complete), in one folder of {@code build}: a solution is
   * built as a corpus case is, over its stub.
   */
  private static Path solutionOverStub(Exercise exercise, Path build) {
    var sources = build.resolve("sources/java");
    FileOperations.recreate(sources);
    FileOperations.copyTree(exercise.mainSources(), sources);
    FileOperations.copyTree(exercise.solutionSources(), sources);
    return sources;
  }

  /**
   * Compiles the tests into {@code testClasspath}'s first folder, against the rest of it; again
   * only when the tests, the libraries or the API of the code they test changed.
   *
   * @return the compiler's errors, if any
   */
  private List<Compilation.Error> compileTests(
      Exercise exercise, String api, List<Path> testClasspath) {
    var testClasses = testClasspath.getFirst();
    var stamp = testClasses.resolveSibling("test-classes.stamp");
    var fingerprint =
        Fingerprint.ofTrees(course.root(), List.of(exercise.dir().resolve("src/test")))
            + " "
            + api
            + " "
            + testClasspath.hashCode();
    if (fingerprint.equals(FileOperations.readOrEmpty(stamp)) && Files.isDirectory(testClasses)) {
      return List.of();
    }
    FileOperations.delete(stamp);
    var compiled =
        Compilation.compile(
            exercise.testSources(),
            exercise.dir().resolve("src/test/resources"),
            testClasspath.subList(1, testClasspath.size()),
            testClasses);
    if (compiled.error().isEmpty()) {
      FileOperations.write(stamp, fingerprint);
    }
    return compiled.errors();
  }

  /** Writes every compiler error, as javac prints them, to {@link Printer#FAILURES_FILE}. */
  private Verdict compileErrors(Verdict.DoesNotCompile verdict) {
    var text = new StringBuilder();
    text.append("# ")
        .append(verdict.exercise().name())
        .append(" does not compile: ")
        .append(Printer.plural(verdict.errors().size(), "error"))
        .append(".\n");
    for (var error : verdict.errors()) {
      text.append('\n').append(Printer.javacStyle(error, verdict.exercise())).append('\n');
    }
    FileOperations.write(course.root().resolve(Printer.FAILURES_FILE), text.toString());
    return verdict;
  }

  /** Writes every failure of the run, messages in full, to {@link Printer#FAILURES_FILE}. */
  private void writeFailures(Exercise exercise, TestRun.Outcome outcome) {
    var text = new StringBuilder();
    text.append("# ")
        .append(exercise.name())
        .append(": ")
        .append(outcome.failures().size())
        .append(" of ")
        .append(outcome.tests())
        .append(" tests failed.\n");
    for (var failure : outcome.ranked()) {
      text.append("\n✗ ")
          .append(failure.test())
          .append("\n  ")
          .append(failure.type())
          .append("\n")
          .append(failure.message().strip().indent(4));
    }
    FileOperations.write(course.root().resolve(Printer.FAILURES_FILE), text.toString());
  }

  /**
   * The support module's classes, compiled by the runner into {@code .course/build/support} when
   * its sources changed (checked every time: watch mode sees edits too), with the libraries of
   * {@code exercise} (JUnit's API, which the test helpers use).
   */
  private Path supportClasses(Exercise exercise) {
    return supportClasses(course, exercise, course.state().resolve("build/support/target"));
  }

  /**
   * The support module compiled into {@code build/classes}, again only when its sources or the poms
   * changed (a stamp beside the classes says which build they are); the corpus keeps its own {@code
   * build} so that the learner's is left alone.
   */
  static Path supportClasses(Course course, Exercise exercise, Path build) {
    var classes = build.resolve("classes");
    var stamp = build.resolve("stamp");
    var fingerprint =
        Fingerprint.ofTrees(
            course.root(),
            List.of(course.supportSources(), course.state().resolve("classpath/poms.sha256")));
    if (!fingerprint.equals(FileOperations.readOrEmpty(stamp)) || !Files.isDirectory(classes)) {
      var libraries =
          Classpaths.libraries(course, exercise, classes).stream()
              .filter(path -> !path.equals(classes))
              .toList();
      var support = course.supportSources();
      var compiled =
          Compilation.compile(
              support.resolve("java"), support.resolve("resources"), libraries, classes);
      if (compiled.error().isPresent()) {
        throw new SupportBroken(compiled.error().get());
      }
      FileOperations.write(stamp, fingerprint);
    }
    return classes;
  }

  /** The support module does not compile: the learner edited it, or the course is broken. */
  public static final class SupportBroken extends RuntimeException {
    private final Compilation.Error error;

    SupportBroken(Compilation.Error error) {
      super("the support module does not compile");
      this.error = error;
    }

    public Compilation.Error error() {
      return error;
    }
  }
}
