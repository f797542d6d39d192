package course.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code selfcheck} (what CI runs): tests the course itself, one numbered part at a time, one line
 * per check, and ends with {@code N passed, M failed}. A stub that fails its tests counts as a
 * passed check: stubs fail by design.
 *
 * <ol>
 *   <li>the structure: every exercise has a solution, a chapter, a TODO, a hint in three tiers, and
 *       both Maven profiles; the code is formatted;
 *   <li>every solution passes its exercise's tests, with Maven, and the bench module's own tests
 *       pass;
 *   <li>every stub compiles and fails its tests, with Maven;
 *   <li>the runner agrees with Maven on each, and its maintainers' checks (manifest, TODOs, answer
 *       leaks) pass;
 *   <li>the runner's own JUnit tests;
 *   <li>the maintainers' corpus ({@link CorpusJudge});
 *   <li>the book as a site, in headless Chromium.
 * </ol>
 *
 * <p>Maven's results are read from Surefire's XML reports ({@link SurefireReports}); its own
 * summary lines are printed as well, so that a CI log shows them.
 */
public final class SelfCheck {

  private final Course course;
  private final Ansi ansi;
  private final PrintStream out;
  private final Maven maven;
  private int passed;
  private final List<String> failures = new ArrayList<>();
  private final List<String> flaky = new ArrayList<>();

  public SelfCheck(Course course, Ansi ansi, PrintStream out) {
    this.course = course;
    this.ansi = ansi;
    this.out = out;
    this.maven = new Maven(course);
  }

  /** Runs every part; 0 when every check passed, 1 otherwise. */
  public int run() {
    return run(List.of());
  }

  /**
   * Runs the parts numbered in {@code parts} ("1" to "7"), or all of them when it is empty; 0 when
   * every check passed, 1 otherwise. Part 4 compares the runner with the Surefire reports that
   * parts 2 and 3 left.
   */
  public int run(List<String> parts) {
    var all =
        List.<Runnable>of(
            this::structure,
            this::solutions,
            this::stubs,
            this::runnerAgrees,
            this::runnerTests,
            this::corpus,
            this::book);
    for (var part : parts) {
      if (!part.matches("[1-7]")) {
        out.println("There is no part " + part + " of the self-check: the parts are 1 to 7.");
        return 2;
      }
    }
    withStubs = parts.isEmpty() || parts.contains("3");
    out.println(
        ansi.bold("Self-check of the course")
            + " (JDK %d, %d cores)"
                .formatted(
                    Runtime.version().feature(), Runtime.getRuntime().availableProcessors()));
    long started = System.nanoTime();
    var times = new ArrayList<String>();
    for (int i = 0; i < all.size(); i++) {
      if (parts.isEmpty() || parts.contains(String.valueOf(i + 1))) {
        long partStarted = System.nanoTime();
        all.get(i).run();
        times.add("part %d: %.0f s".formatted(i + 1, (System.nanoTime() - partStarted) / 1e9));
      }
    }
    out.println();
    flaky.forEach(item -> out.println("  " + ansi.yellow("!") + " flaky: " + cut(item)));
    failures.forEach(item -> out.println("  " + ansi.red("✗") + " " + cut(item)));
    // How long each part took: the figure the README quotes comes from this line.
    out.println(
        "The self-check took %.0f s (%s)."
            .formatted((System.nanoTime() - started) / 1e9, String.join(", ", times)));
    out.println(passed + " passed, " + failures.size() + " failed");
    return failures.isEmpty() ? 0 : 1;
  }

  private void check(boolean ok, String description) {
    if (ok) {
      passed++;
      out.println("  " + ansi.green("✓") + " " + description);
    } else {
      failures.add(description);
      out.println("  " + ansi.red("✗") + " " + description);
    }
  }

  private void part(String title) {
    out.println(ansi.bold(title));
  }

  // --- 1. Structure ------------------------------------------------------------------------------

  private void structure() {
    part("1. Structure");
    var root = course.root();
    var pom = FileOperations.readOrEmpty(root.resolve("pom.xml"));
    var summary = FileOperations.readOrEmpty(root.resolve("book/SUMMARY.md"));
    for (var exercise : course.exercises()) {
      var name = exercise.name();
      check(Files.isDirectory(exercise.solutionSources().getParent()), name + " has a solution");
      check(
          Files.isRegularFile(exercise.chapter()) && summary.contains("(" + name + ".md)"),
          name + " has a chapter listed in book/SUMMARY.md");
      check(
          files(exercise.dir().resolve("src/main"))
              .anyMatch(file -> FileOperations.readOrEmpty(file).contains("TODO")),
          name + "'s stub has a TODO");
      var hint = FileOperations.readOrEmpty(exercise.hint()).lines().toList();
      check(
          hint.containsAll(
              List.of(
                  "## 1. A nudge", "## 2. The concept and the API", "## 3. The shape, in words")),
          name
              + " has a hint in three tiers (## 1. A nudge, ## 2. The concept and the API, ## 3."
              + " The shape, in words)");
      check(
          pom.contains("<module>exercises/" + name + "</module>")
              && pom.contains("<module>solutions/" + name + "</module>"),
          name + " is in both profiles of pom.xml");
    }
    for (var solution : folders(root.resolve("solutions"))) {
      var name = solution.getFileName().toString();
      check(
          Files.isDirectory(root.resolve("exercises").resolve(name)),
          name + " solves an exercise that exists");
      check(
          files(solution.resolve("src/test")).noneMatch(file -> file.toString().endsWith(".java")),
          name + " has no test copy of its own");
    }
    check(
        maven.run(maven.log("selfcheck-format"), "-Pexercises,solutions,bench", "spotless:check")
            && maven.run(
                maven.log("selfcheck-format-runner"), "-f", "runner/pom.xml", "spotless:check"),
        "the course's Java code is formatted (./mvnw spotless:apply; logs in .course/)");
  }

  // --- 2. and 3. Solutions and stubs, with Maven -------------------------------------------------

  private void solutions() {
    part("2. Every solution passes its exercise's tests");
    var root = course.root();
    var modules = new ArrayList<Path>(List.of(root.resolve("support"), root.resolve("bench")));
    course.exercises().forEach(exercise -> modules.add(solutionModule(exercise)));
    if (withStubs) {
      course.exercises().forEach(exercise -> modules.add(exercise.dir()));
    }
    modules.forEach(SurefireReports::clear);
    // One Maven run for the solutions and, when part 3 follows, the stubs too: Maven starts once,
    // and builds two modules at a time, each with a Surefire JVM of its own.
    var log = maven.log("selfcheck-maven");
    mavenTests(log, withStubs ? "-Pexercises,solutions,bench" : "-Psolutions,bench");
    stubsBuilt = withStubs;
    printSummaries(modules.subList(0, 2 + course.exercises().size()));
    var support = SurefireReports.of(root.resolve("support"));
    check(
        support.tests() > 0 && support.failed() == 0,
        "the support module builds and its own tests pass");
    var bench = SurefireReports.of(root.resolve("bench"));
    check(
        bench.tests() > 0 && bench.failed() == 0,
        "the bench module (measurement programs) builds and its own tests pass");
    for (var exercise : course.exercises()) {
      var module = solutionModule(exercise);
      var reports = SurefireReports.of(module);
      var description =
          "solution %s passes (%s)"
              .formatted(
                  exercise.name(),
                  reports.tests() == 0
                      ? "not built, or no test ran: see " + root.relativize(log)
                      : reports.failed() + " of " + reports.tests() + " tests fail");
      if (reports.tests() > 0 && reports.failed() > 0 && passesAlone(exercise)) {
        // It failed while another module's tests ran beside it and passed with the machine to
        // itself: a test that leans on the machine's speed. Shown on every run, as in the corpus.
        check(true, description + ", but passes when built alone");
        flaky.add("solution " + exercise.name() + ": " + description + " beside another module");
        continue;
      }
      check(reports.tests() > 0 && reports.failed() == 0, description);
    }
  }

  /**
   * Runs the tests of {@code profile}'s modules with Maven, two modules at a time, whatever fails:
   * the checks read each module's reports afterwards.
   */
  private void mavenTests(Path log, String profile) {
    maven.run(
        log,
        profile,
        "-T",
        "2",
        "-fae",
        "test",
        "-Dmaven.test.failure.ignore=true",
        QUICK_TEST_JVMS);
  }

  /** Test JVMs with the quick JIT alone: each lives a few seconds (pom.xml's course.test.jit). */
  private static final String QUICK_TEST_JVMS = "-Dcourse.test.jit=-XX:TieredStopAtLevel=1";

  /** Whether part 3 runs too: then part 2's Maven run builds and tests the stubs as well. */
  private boolean withStubs;

  /** Whether the stubs' reports are from this run's part 2. */
  private boolean stubsBuilt;

  /** Builds one solution again, alone, after it failed in the shared run: whether it passed. */
  private boolean passesAlone(Exercise exercise) {
    var module = "solutions/" + exercise.name();
    maven.run(
        maven.log("selfcheck-solution-" + exercise.name()),
        "-Psolutions",
        "-pl",
        "support," + module,
        "test",
        "-Dmaven.test.failure.ignore=true",
        QUICK_TEST_JVMS);
    var reports = SurefireReports.of(solutionModule(exercise));
    return reports.tests() > 0 && reports.failed() == 0;
  }

  private void stubs() {
    part("3. Every stub fails its tests");
    var stubs = course.exercises().stream().map(Exercise::dir).toList();
    if (!stubsBuilt) {
      stubs.forEach(SurefireReports::clear);
      mavenTests(maven.log("selfcheck-stubs"), "-Pexercises");
    }
    printSummaries(stubs);
    for (var exercise : course.exercises()) {
      var reports = SurefireReports.of(exercise.dir());
      check(
          reports.tests() > 0 && reports.failed() > 0,
          "stub %s compiles and fails as it should (%d of %d tests fail)"
              .formatted(exercise.name(), reports.failed(), reports.tests()));
    }
  }

  /** Surefire's counts for each of {@code modules}, read from its reports. */
  private void printSummaries(List<Path> modules) {
    for (var module : modules) {
      var name = course.root().relativize(module).toString().replace('\\', '/');
      out.println("    %-46s %s".formatted(name, SurefireReports.of(module).summary()));
    }
  }

  private void printSummaries(Path log) {
    Maven.surefireSummaries(log).forEach(line -> out.println("    " + line));
  }

  private Path solutionModule(Exercise exercise) {
    return course.root().resolve("solutions").resolve(exercise.name());
  }

  // --- 4. The runner agrees with Maven -----------------------------------------------------------

  private void runnerAgrees() {
    part("4. The runner agrees with Maven");
    var manifest = captured(stream -> new Commands(course, new Ansi(false), stream).manifest(true));
    check(
        manifest.status() == 0,
        "exercises/tests.sha256 and exercises/stubs.sha256 are up to date"
            + (manifest.status() == 0 ? "" : ": " + manifest.lastLine()));
    var checker = new Checker(course, new Progress(course), true);
    for (var exercise : course.exercises()) {
      for (var code : Checker.Code.values()) {
        var stub = code == Checker.Code.EXERCISE;
        var runnerSays = counts(checker.check(exercise, code));
        var reports = SurefireReports.of(stub ? exercise.dir() : solutionModule(exercise));
        var mavenSays = reports.tests() + " " + reports.failed();
        check(
            runnerSays.equals(mavenSays),
            "runner on the %s of %s: %s (tests, failed); Maven: %s"
                .formatted(stub ? "stub" : "solution", exercise.name(), runnerSays, mavenSays));
      }
    }
    var todos = captured(stream -> TodoFragments.report(course, stream));
    keep(todos, "selfcheck-todos");
    check(
        todos.status() == 0,
        "every TODO of the stubs reads as one instruction (" + todos.lastLine() + ")");
    var leaks = captured(stream -> AnswerLeaks.report(course, stream));
    keep(leaks, "selfcheck-leaks");
    check(
        leaks.status() == 0,
        "no chapter, hint or stub holds a run of a reference solution's code ("
            + leaks.lastLine()
            + "; ./verify.sh leaks)");
  }

  /** "tests failed", as Maven's reports are compared with, or what went wrong instead. */
  static String counts(Verdict verdict) {
    return switch (verdict) {
      case Verdict.Passed passed -> passed.outcome().tests() + " 0";
      case Verdict.Failed failed ->
          failed.outcome().tests() + " " + failed.outcome().failures().size();
      case Verdict.DoesNotCompile broken -> "does-not-compile";
      case Verdict.TestsChanged changed -> "tests-changed";
      case Verdict.FileMissing missing -> "file-missing";
    };
  }

  // --- 5. The runner's own tests -----------------------------------------------------------------

  private void runnerTests() {
    part("5. The runner's own tests");
    var runner = course.root().resolve("runner");
    SurefireReports.clear(runner);
    var log = maven.log("selfcheck-runner");
    maven.run(log, "-f", "runner/pom.xml", "test");
    var reports = SurefireReports.of(runner);
    for (var test : reports.cases()) {
      check(
          !test.failed() && !test.skipped(),
          "runner (JUnit): " + test.className() + ": " + test.name());
    }
    check(
        reports.tests() > 0,
        "runner (JUnit): the runner's tests ran (log: " + course.root().relativize(log) + ")");
  }

  // --- 6. The corpus -----------------------------------------------------------------------------

  private void corpus() {
    part("6. The maintainers' corpus (corpus/README.md: each case gets its verdict)");
    var last = new ArrayList<String>();
    new CorpusJudge(course, line -> judged(line, last)).run(null);
    if (last.isEmpty()) {
      check(false, "the corpus could not be judged: no case was found in corpus/");
    } else {
      out.println("    " + last.getLast());
    }
  }

  private void judged(String line, List<String> last) {
    if (line.startsWith("ok ")) {
      check(true, line.substring("ok ".length()));
    } else if (line.startsWith("WRONG ")) {
      check(false, line.substring("WRONG ".length()));
    } else if (line.startsWith("gap ")) {
      out.println("  " + ansi.yellow("!") + " known gap, not counted: " + line.substring(4));
    } else if (line.startsWith("flaky ")) {
      var item = line.substring("flaky ".length());
      check(true, item);
      flaky.add(item);
    } else {
      last.add(line);
    }
  }

  // --- 7. The book -------------------------------------------------------------------------------

  private void book() {
    part("7. The book as a site, in a real browser");
    var runner = course.root().resolve("runner");
    SurefireReports.clear(runner);
    var log = maven.log("selfcheck-book");
    maven.run(
        log,
        "-f",
        "runner/pom.xml",
        "-Pbrowser",
        "test",
        "-Dtest=course.runner.site.**",
        "-Dsurefire.failIfNoSpecifiedTests=false");
    printSummaries(log);
    var reports = SurefireReports.of(runner);
    check(
        reports.allPassed(),
        "the book renders and every page, link, image, search, key and theme works in headless"
            + " Chromium (%d of %d tests fail, %d skipped; log: %s; screenshots:"
                .formatted(
                    reports.failed(),
                    reports.tests(),
                    reports.skipped(),
                    course.root().relativize(log))
            + " runner/target/book-screenshots/)");
  }

  // --- Helpers -----------------------------------------------------------------------------------

  /** What a maintainers' command printed, and its exit status. */
  private record Captured(int status, String text) {
    String lastLine() {
      var lines = text.strip().lines().toList();
      return lines.isEmpty() ? "" : lines.getLast().replaceAll("\\.$", "");
    }
  }

  private static Captured captured(Function<PrintStream, Integer> command) {
    var bytes = new ByteArrayOutputStream();
    var stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = command.apply(stream);
    return new Captured(status, bytes.toString(StandardCharsets.UTF_8));
  }

  private void keep(Captured captured, String name) {
    FileOperations.write(maven.log(name), captured.text());
  }

  private static String cut(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300);
  }

  private static Stream<Path> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Stream.empty();
    }
    try (var walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> folders(Path parent) {
    try (var list = Files.list(parent)) {
      return list.filter(Files::isDirectory)
          .filter(dir -> dir.getFileName().toString().matches("\\d\\d_.+"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
