package course.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code corpus [NN]} (self-check): judges the maintainers' corpus ({@code
 * corpus/NN_topic/<case>/}, see {@code corpus/README.md}). Each case is the stub's {@code src/main}
 * with the case's files laid over it, compiled in this JVM like the learner's code, then tested;
 * the outcome is compared with the case's {@code case.properties}.
 *
 * <p>Each case's tests run in a warm test JVM ({@link TestJvm}, as the learner's checks do), one
 * per case judged at once, in a class loader of their own. A wrong case may hang, spin or leave
 * threads running after its tests, and the next case must not pay for it (a leftover thread of one
 * case counted by the next case's probes, or eating a core of a 2-core machine): such a JVM is
 * replaced before its next case. Most cases leave nothing behind and reuse their JVM, so they do
 * not pay a JVM's start and the JUnit Platform's warm-up each, about a second of CPU.
 *
 * <p>A wrong case may carry {@code gap=}: why the tests do not catch it yet. It is judged like any
 * other and shown as {@code gap} while it passes, without failing the run: a known hole in the
 * tests, on display at every self-check until a test closes it.
 *
 * <p>One line per case: {@code ok|WRONG <NN_topic>/<case> <got> <the failure shown first>}, then a
 * count. A case that disagrees while others run is judged again alone; if it agrees then, its line
 * says {@code flaky}: a test that leans on the machine's speed, shown on every run. Cases are
 * judged a few at a time ({@code -Dcourse.corpus.jobs=N}; twice the cores + 1 by default), their
 * lines printed in order. Exit status 0 when every case got its verdict, 1 otherwise.
 */
public final class CorpusJudge {

  /** What a case must get: {@code pass} or {@code fail}, and for a fail a message fragment. */
  record Case(Exercise exercise, Path dir, String verdict, String expect, String gap) {
    String name() {
      return exercise.name() + "/" + dir.getFileName();
    }
  }

  /** What a case got: {@code pass}, {@code fail} or {@code does-not-compile}, and why. */
  record Judged(String got, String firstTest, String firstMessage, List<String> messages) {
    Judged(String got, String firstTest, String firstMessage) {
      this(got, firstTest, firstMessage, List.of(firstMessage));
    }
  }

  private static final int SHOWN = 160;

  private final Course course;
  private final Consumer<String> out;
  private final Path build;

  /** The test JVMs not in use: a case takes one and gives it back. */
  private final BlockingQueue<TestJvm> testJvms = new LinkedBlockingQueue<>();

  public CorpusJudge(Course course, PrintStream out) {
    this(course, out::println);
  }

  /** A judge that hands each line to {@code lines} (the self-check counts them) as it comes. */
  public CorpusJudge(Course course, Consumer<String> lines) {
    this.course = course;
    this.out = lines;
    this.build = course.state().resolve("build/corpus");
  }

  /** Judges every case, or those of exercise {@code number} only. */
  public int run(String number) {
    var exercises = course.exercises();
    if (number != null) {
      var exercise = course.exercise(number);
      if (exercise.isEmpty()) {
        out.accept("There is no exercise " + number + ": ./verify.sh list shows them.");
        return 2;
      }
      exercises = List.of(exercise.get());
    }
    var cases = exercises.stream().flatMap(exercise -> cases(exercise).stream()).toList();
    // Most of a case's time is its tests waiting (a rendezvous that a wrong case never meets, a
    // deadline): a few cases at once, each in its own JVM, keep both cores busy. The lines come
    // out in the corpus's order all the same.
    int jobs = Integer.getInteger("course.corpus.jobs", JOBS);
    int right = 0;
    int gaps = 0;
    int flaky = 0;
    long t0 = System.nanoTime();
    var disagreed = new ArrayList<Case>();
    var underLoad = new ArrayList<String>();
    for (int i = 1; i <= Math.max(1, jobs); i++) {
      testJvms.add(TestJvm.named("corpus-" + i));
    }
    try (var pool = Executors.newFixedThreadPool(Math.max(1, jobs))) {
      var results = new ArrayList<Future<String>>();
      for (var c : cases) {
        results.add(pool.submit(() -> line(c)));
      }
      for (int i = 0; i < cases.size(); i++) {
        var line = join(results.get(i));
        if (line.startsWith("WRONG ") && jobs > 1) {
          disagreed.add(cases.get(i));
          underLoad.add(line);
          continue;
        }
        if (line.startsWith("ok ")) {
          right++;
        } else if (line.startsWith("gap ")) {
          gaps++;
        }
        out.accept(line);
      }
    }
    // A case that disagreed while others ran beside it is judged again with the machine to
    // itself. If it agrees then, its tests lean on the machine's speed somewhere: that is a bug in
    // the tests, shown as "flaky" on every run like a gap, but it does not fail the run.
    for (int i = 0; i < disagreed.size(); i++) {
      var alone = line(disagreed.get(i));
      if (alone.startsWith("ok ")) {
        right++;
        flaky++;
        var before = underLoad.get(i);
        out.accept(
            "flaky %s (it agreed when judged alone; with %d cases at once it got: %s)"
                .formatted(
                    alone.substring("ok ".length()),
                    jobs,
                    before.substring(before.indexOf(' ', "WRONG ".length()) + 1)));
      } else {
        out.accept(alone + " (judged alone too)");
      }
    }
    testJvms.forEach(TestJvm::close);
    testJvms.clear();
    out.accept(
        "%d of %d corpus cases got their verdict, %d known gaps%s (%.0f s, %d at a time)."
            .formatted(
                right,
                cases.size() - gaps,
                gaps,
                flaky == 0 ? "" : ", " + flaky + " flaky under load",
                (System.nanoTime() - t0) / 1e9,
                jobs));
    return right == cases.size() - gaps ? 0 : 1;
  }

  /**
   * How many cases are judged at once unless {@code -Dcourse.corpus.jobs} says otherwise. Measured
   * on 2 cores (./verify.sh corpus, the whole corpus, idle machine): 3 at a time took 336 s and
   * kept the cores 53 % busy, 5 at a time 245 s and 73 %, for 357 and 359 CPU-seconds, and no case
   * changed its verdict. A case's tests mostly wait (for a rendezvous a wrong case never meets, for
   * a deadline), so the cores can take more cases than they number.
   */
  private static final int JOBS = 2 * Runtime.getRuntime().availableProcessors() + 1;

  /** Judges one case; its line: {@code ok|WRONG <case> <got> <first failure> [seconds]}. */
  private String line(Case c) {
    long started = System.nanoTime();
    var judged = judge(c);
    boolean ok = agrees(c, judged);
    if (!c.gap().isEmpty()) {
      // A wrong case the tests are known not to catch yet: shown on every run, never hidden.
      return ok
          ? "ok %s %s %s (caught this time: remove gap= once a test catches it on every run)"
              .formatted(c.name(), judged.got(), shorten(judged.firstMessage()))
          : "gap %s %s: %s".formatted(c.name(), judged.got(), c.gap());
    }
    return "%s %s %s %s%s"
            .formatted(
                ok ? "ok" : "WRONG",
                c.name(),
                judged.got(),
                shorten(judged.firstMessage()),
                ok ? "" : " (wanted " + wanted(c) + ")")
            .stripTrailing()
        + " [%.1f s]".formatted((System.nanoTime() - started) / 1e9);
  }

  private static String join(Future<String> result) {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while judging the corpus", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String wanted(Case c) {
    return c.verdict() + (c.expect().isEmpty() ? "" : ", a message with \"" + c.expect() + "\"");
  }

  /**
   * A fail case must fail, and one of its failures must name {@code expect} (the lesson, not an
   * accident); a compile error never counts as the tests catching a case. Not only the first: a
   * wrong case often breaks two tests, and which of them a race shows in first can change from run
   * to run.
   */
  static boolean agrees(Case c, Judged judged) {
    if (!c.verdict().equals(judged.got())) {
      return false;
    }
    var fragment = c.expect().toLowerCase();
    return !judged.got().equals("fail")
        || fragment.isEmpty()
        || judged.messages().stream().anyMatch(m -> m.toLowerCase().contains(fragment));
  }

  /** The cases of {@code exercise}, sorted by name. */
  List<Case> cases(Exercise exercise) {
    var folder = course.root().resolve("corpus").resolve(exercise.name());
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(folder)) {
      return dirs.filter(dir -> Files.isRegularFile(dir.resolve("case.properties")))
          .sorted()
          .map(dir -> load(exercise, dir))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case load(Exercise exercise, Path dir) {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve("case.properties"))) { // UTF-8
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Case(
        exercise,
        dir,
        properties.getProperty("verdict", "?").strip(),
        properties.getProperty("expect", "").strip(),
        properties.getProperty("gap", "").strip());
  }

  /** Compiles the case over the stub, runs the exercise's tests in a test JVM of the pool. */
  Judged judge(Case c) {
    var exercise = c.exercise();
    var work = build.resolve(exercise.name()).resolve(c.dir().getFileName().toString());
    var sources = work.resolve("src/main/java");
    FileOperations.delete(work);
    FileOperations.copyTree(exercise.mainSources(), sources);
    FileOperations.copyTree(c.dir().resolve("src/main/java"), sources);
    var libraries = Classpaths.libraries(course, exercise, supportClasses(exercise));
    // ArchUnit's ImportOption.DoNotIncludeTests knows test classes by ".../target/test-classes/".
    var classes = work.resolve("target/classes");
    var compiled =
        Compilation.compile(
            sources, exercise.dir().resolve("src/main/resources"), libraries, classes);
    if (compiled.error().isPresent()) {
      return doesNotCompile(compiled.error().get());
    }
    var tests = compiledTests(exercise, compiled.api(), classes, libraries);
    if (tests.error().isPresent()) {
      return doesNotCompile(tests.error().get());
    }
    var testClasses = tests.folder();
    var classpath = new ArrayList<Path>(List.of(testClasses, classes));
    classpath.addAll(libraries);
    // A wrong case stops at its first failure that names the lesson: the tests after it would
    // only wait for their own deadlines. A right case runs every test.
    var outcome =
        testsIn(
            jvm ->
                jvm.run(
                    course.state(),
                    testClasses,
                    classpath,
                    work.resolve("tests-output.txt"),
                    sources,
                    c.verdict().equals("fail") ? c.expect() : null));
    if (outcome.passed()) {
      return new Judged("pass", "", "");
    }
    var first =
        outcome.failures().isEmpty()
            ? new TestRun.Failure("", "", "no test ran")
            : outcome.ranked().getFirst(); // the one the learner reads first
    var messages =
        outcome.failures().stream().map(failure -> failure.test() + ": " + failure.message());
    return new Judged(
        "fail", first.test(), first.test() + ": " + first.message(), messages.toList());
  }

  /** Runs {@code tests} in a test JVM of the pool, which no other case uses meanwhile. */
  private TestRun.Outcome testsIn(Function<TestJvm, TestRun.Outcome> tests) {
    TestJvm jvm;
    try {
      jvm = testJvms.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while judging the corpus", e);
    }
    try {
      return tests.apply(jvm);
    } finally {
      testJvms.add(jvm);
    }
  }

  /** An exercise's tests, compiled against one API of the code they test, or why they did not. */
  private record CompiledTests(Path folder, Optional<Compilation.Error> error) {}

  /** Compiled tests by exercise and API fingerprint ({@link ApiFingerprint}). */
  private final Map<String, CompiledTests> compiledTests = new ConcurrentHashMap<>();

  private final AtomicInteger apis = new AtomicInteger();

  /**
   * The exercise's tests, compiled once per API of the code they test, as the learner's runner does
   * ({@link Checker}): most cases keep the stub's API and change only method bodies, and compiled
   * tests link to the API alone, so they need no compiling again for each case.
   */
  private CompiledTests compiledTests(
      Exercise exercise, String api, Path classes, List<Path> libraries) {
    return compiledTests.computeIfAbsent(
        exercise.name() + " " + api,
        key -> {
          // ArchUnit's ImportOption.DoNotIncludeTests knows tests by ".../target/test-classes/".
          var folder =
              build
                  .resolve(exercise.name())
                  .resolve("tests-" + apis.incrementAndGet())
                  .resolve("target/test-classes");
          FileOperations.delete(folder);
          var classpath = new ArrayList<Path>(List.of(classes));
          classpath.addAll(libraries);
          var compiled =
              Compilation.compile(
                  exercise.testSources(),
                  exercise.dir().resolve("src/test/resources"),
                  classpath,
                  folder);
          return new CompiledTests(folder, compiled.error());
        });
  }

  private Judged doesNotCompile(Compilation.Error error) {
    var where =
        error.file() == null
            ? ""
            : course.root().relativize(error.file()).toString().replace('\\', '/')
                + ":"
                + error.line()
                + ": ";
    return new Judged("does-not-compile", "", where + error.message());
  }

  private static String shorten(String message) {
    var line = message.replaceAll("\\s+", " ").strip();
    return line.length() <= SHOWN ? line : line.substring(0, SHOWN - 1) + "…";
  }

  /** The support module, compiled once for the corpus into a folder of its own. */
  private synchronized Path supportClasses(Exercise exercise) {
    return Checker.supportClasses(course, exercise, build.resolve("support"));
  }
}
