package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway copy of the course (runner/scripts/scratch-copy.sh), for tests that plant a learner's
 * code in it and drive the runner's classes on it. It reuses the course's built runner and Maven's
 * classpaths from {@code .course/}, so no Maven run is needed: run {@code ./verify.sh list} in the
 * course after changing the runner's sources (tests included), or the tests stop and say so.
 */
final class ScratchCourse implements AutoCloseable {

  /** The course being tested: {@code course.source} (set by runner/pom.xml), or the parent. */
  static final Path SOURCE =
      Path.of(System.getProperty("course.source", "..")).toAbsolutePath().normalize();

  /**
   * Where the copies go: {@code course.scratch} if set, else a RAM-backed folder when the machine
   * has one (Linux's {@code /dev/shm}), else the temporary folder. A copy is 3,400 files made and
   * deleted again; on this course's CI disk (ext4 with discard) that costs 3 to 5 s of system time
   * a copy, on tmpfs 0.6 s, and the runner's tests make about 60 copies.
   */
  static final Path PARENT = scratchParent();

  private static Path scratchParent() {
    var chosen = System.getProperty("course.scratch", "");
    if (!chosen.isBlank()) {
      return Path.of(chosen);
    }
    var ram = Path.of("/dev/shm");
    return Files.isDirectory(ram) && Files.isWritable(ram)
        ? ram
        : Path.of(System.getProperty("java.io.tmpdir"));
  }

  /** Long enough for a check of every exercise on a busy 2-core machine (about 50 s alone). */
  static final Duration COMMAND_TIME_OUT = Duration.ofMinutes(5);

  /**
   * Variables of the maintainer's shell that would change what {@code ./verify.sh} does: a test
   * that wants one sets it.
   */
  private static final List<String> UNSET =
      List.of(
          "NO_COLOR",
          "COURSE_FORK",
          "COURSE_WATCH",
          "COURSE_JDK_DIRS",
          "COURSE_COLOR",
          "MAVEN_ARGS",
          "MAVEN_OPTS");

  /** What ./verify.sh says when the runner's sources changed since .course/runner was built. */
  private static final String REBUILT = "The runner changed: building it again";

  /** Set when a copy had to build the runner again: every copy would, so the tests stop. */
  private static volatile boolean runnerStale;

  private final Path root;
  private final Course course;
  private boolean rebuildAllowed;

  private ScratchCourse(Path root) {
    this.root = root;
    this.course = new Course(root);
  }

  /** A fresh copy, in a temporary folder. */
  static ScratchCourse create() throws IOException, InterruptedException {
    if (runnerStale) {
      throw staleRunner();
    }
    var root = Files.createTempDirectory(PARENT, "course-scratch");
    var process =
        new ProcessBuilder(
                "bash",
                SOURCE.resolve("runner/scripts/scratch-copy.sh").toString(),
                root.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("scratch-copy.sh failed for " + root);
    }
    if (!Files.isDirectory(root.resolve(".course/classpath"))) {
      throw new IllegalStateException(
          "No Maven classpaths in " + SOURCE + "/.course: run ./verify.sh list there first.");
    }
    return new ScratchCourse(root);
  }

  Course course() {
    return course;
  }

  Path root() {
    return root;
  }

  Exercise exercise(String number) {
    return course.exercise(number).orElseThrow();
  }

  /** A file of the copy, by its path from the course's root. */
  Path file(String relative) {
    return root.resolve(relative);
  }

  /**
   * Runs {@code ./verify.sh args} in the copy as a learner does in a pipe (stdin from /dev/null,
   * stdout and stderr together); fails with the output so far if it has not ended in {@link
   * #COMMAND_TIME_OUT}.
   */
  CommandRun verify(String... args) throws IOException, InterruptedException {
    return verify(Map.of(), args);
  }

  /** {@link #verify(String...)} with variables set ({@link #env} can also remove some). */
  CommandRun verify(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    var command = new ArrayList<String>(List.of("./verify.sh"));
    command.addAll(List.of(args));
    return run(env, command);
  }

  /** Runs any command in the copy, as {@link #verify(String...)} runs ./verify.sh. */
  CommandRun run(Map<String, String> env, List<String> command)
      throws IOException, InterruptedException {
    try (var running = start(env, command, false)) {
      var run = running.waitFor(COMMAND_TIME_OUT);
      if (!rebuildAllowed && run.output().contains(REBUILT)) {
        runnerStale = true;
        throw staleRunner();
      }
      return run;
    }
  }

  /**
   * For a test that changes the course's pom.xml: it is part of the runner's stamp, so the next
   * ./verify.sh builds the runner again, and rightly.
   */
  void allowRunnerRebuild() {
    rebuildAllowed = true;
  }

  private static IllegalStateException staleRunner() {
    return new IllegalStateException(
        "The runner in "
            + SOURCE
            + "/.course/runner is older than runner/src, so every scratch copy would build it"
            + " again (30 s each). Run ./verify.sh list in "
            + SOURCE
            + ", then these tests again.");
  }

  /** Starts a command in the copy; with {@code keys}, its input is a pipe to type on. */
  RunningCommand start(Map<String, String> env, List<String> command, boolean keys)
      throws IOException {
    var all = new HashMap<String, String>();
    UNSET.forEach(name -> all.put(name, null));
    all.putAll(env);
    return RunningCommand.start(root, all, command, keys);
  }

  /**
   * Variables for {@link #verify(Map, String...)}: name, value, name, value; a null value unsets.
   */
  static Map<String, String> env(String... namesAndValues) {
    var env = new HashMap<String, String>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      env.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return env;
  }

  /** Whether util-linux's script(1) is here, to give a command a terminal. */
  static boolean hasScript() {
    try {
      var process =
          new ProcessBuilder("script", "--version")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      var version = new String(process.getInputStream().readAllBytes());
      return process.waitFor(10, TimeUnit.SECONDS) && version.contains("util-linux");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Commits every change of the copy, as a learner who commits work in progress. */
  void commitAll(String message) throws IOException, InterruptedException {
    run(
            Map.of(),
            List.of(
                "git",
                "-c",
                "user.name=learner",
                "-c",
                "user.email=learner@example.invalid",
                "commit",
                "-qam",
                message))
        .assertStatus(0);
  }

  /** Copies the reference solutions of {@code numbers} into the learner's folders. */
  void solve(String... numbers) {
    for (var number : numbers) {
      var exercise = exercise(number);
      copyTree(exercise.solutionSources(), exercise.mainSources());
    }
  }

  /** Copies the reference solution of every exercise into the learner's folders. */
  void solveAll() {
    course.exercises().forEach(exercise -> solve(exercise.number()));
  }

  /**
   * Solves {@code numbers} and records them as passed, as for a learner who checked them in an
   * earlier session: for the scenarios about what comes after, which need not pay for those checks
   * again (02's tests start child JVMs). The scenarios about a first pass use {@link #passUpTo02}.
   */
  void passedEarlier(String... numbers) {
    solve(numbers);
    recordPassed(numbers);
  }

  /**
   * Records the exercises {@code numbers} as passed with their files as they are now, as the runner
   * does after a check that passes ({@link Checker#fingerprint}).
   */
  void recordPassed(String... numbers) {
    var progress = new Progress(course);
    var checker = new Checker(course, progress, false);
    for (var number : numbers) {
      progress.markPassed(exercise(number), checker.fingerprint(exercise(number)));
    }
  }

  /** The numbers of every exercise of the copy. */
  String[] everyNumber() {
    return course.exercises().stream().map(Exercise::number).toArray(String[]::new);
  }

  /**
   * Solves 00 to 02 and checks them, so that they passed and 03 is the learner's exercise: the
   * state most scenarios start from. Fails when the check does not say so.
   */
  void passUpTo02() throws IOException, InterruptedException {
    solve("00", "01", "02");
    verify()
        .assertStatus(1)
        .assertShows("3 exercises pass: 00_welcome to 02_processes", "✗ 03_threads");
  }

  /** 03's WordCount.java, where the planted code goes. */
  Path wordCount03() {
    return exercise("03").mainSources().resolve("course/threads/WordCount.java");
  }

  /** Writes the planted file {@code plants/<name>.java} (test resources) over 03's WordCount. */
  void plant(String name) {
    plant(name, wordCount03());
  }

  /** Writes the planted file {@code plants/<name>.java} (test resources) over {@code file}. */
  void plant(String name, Path file) {
    try (var in = ScratchCourse.class.getResourceAsStream("/plants/" + name + ".java")) {
      Files.write(file, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    for (var file : Fingerprint.filesUnder(List.of(from))) {
      var target = to.resolve(from.relativize(file).toString());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public void close() {
    if (System.getenv("KEEP_SELFTEST") == null) {
      FileOperations.delete(root);
    }
  }
}
