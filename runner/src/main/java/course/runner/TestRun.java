package course.runner;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one exercise's tests in this JVM with the JUnit Platform {@code Launcher}, the way Maven
 * Surefire runs them in its forked JVM:
 *
 * <ul>
 *   <li>the same test classes: Surefire's default includes ({@code Test*}, {@code *Test}, {@code
 *       *Tests}, {@code *TestCase}), nested classes found through their outer class;
 *   <li>the same JUnit configuration: {@code junit-platform.properties} from the support module,
 *       found on the exercise's classpath;
 *   <li>the same view of the JVM: {@code java.class.path} holds the exercise's test classpath
 *       (tests that start child JVMs rely on it), and the thread's context class loader is the
 *       exercise's.
 * </ul>
 *
 * <p>Each run gets a fresh class loader for the learner's classes, the tests and the support code,
 * so nothing (static state, ArchUnit's cache of imported classes) leaks from one run into the next.
 * The libraries that keep no state between runs (JUnit Jupiter, AssertJ, ASM, ...) are loaded once
 * per JVM instead, in a class loader of their own under it: in watch mode's warm test JVM, their
 * classes are then already loaded and compiled by the JIT when the next save comes. The tests' own
 * output goes to a log file, as with Surefire's {@code redirectTestOutputToFile}.
 */
public final class TestRun {

  /**
   * One failing test: its readable name, the exception's type and its message, whether it is a test
   * of bad input ({@code @BadInput}, the JUnit tag {@value #BAD_INPUT}), shown after the lesson's
   * failures, and whether it is a test of code built on the chapter's parts ({@code @Integration},
   * the JUnit tag {@value #INTEGRATION}), shown after the parts' own failures.
   */
  public record Failure(
      String test, String type, String message, boolean badInput, boolean integration) {
    public Failure(String test, String type, String message) {
      this(test, type, message, false, false);
    }

    public Failure(String test, String type, String message, boolean badInput) {
      this(test, type, message, badInput, false);
    }

    /** Whether the test failed because the learner's code did not return (Deadline said so). */
    public boolean hang() {
      return message.contains(" did not return within ")
          || message.contains(" is stuck in a deadlock");
    }

    /**
     * The order to show failures in: a hang of a part, the parts' failures, a hang of what is built
     * on them, the failures of what is built on them, and bad input last. A part's own failure
     * names the lesson; what is built on a broken part only shows that something is broken.
     */
    int rank() {
      if (hang() && !integration) {
        return 0;
      }
      if (badInput) {
        return 4;
      }
      return integration ? (hang() ? 2 : 3) : 1;
    }
  }

  /** The JUnit tag of {@code course.support.testing.BadInput}. */
  public static final String BAD_INPUT = "bad-input";

  /** The JUnit tag of {@code course.support.testing.Integration}. */
  public static final String INTEGRATION = "integration";

  /** Where the learner's sources are, for the file names in a hang's diagnosis (Deadline). */
  public static final String SOURCES_PROPERTY = "course.sources";

  /** What a run found: how many tests ran, and which failed. */
  public record Outcome(int tests, int skipped, List<Failure> failures) {
    public boolean passed() {
      return failures.isEmpty() && tests > 0;
    }

    /**
     * The failures in the order to read them ({@link Failure#rank}): a hang first, bad input last;
     * in the order they ran within a rank.
     */
    public List<Failure> ranked() {
      return failures.stream().sorted(java.util.Comparator.comparingInt(Failure::rank)).toList();
    }
  }

  /** "1 chunks", "1 threads", "1 processes": parameterized names that count one thing. */
  private static final Pattern SINGULAR =
      Pattern.compile(
          "(?<![\\d.,])(1 (?:chunk|thread|worker|word|task|source|page|process|number))(?:es|s)\\b");

  private static final Pattern SUREFIRE_INCLUDES =
      Pattern.compile("(Test[^$/]*|[^$/]*Test|[^$/]*Tests|[^$/]*TestCase)\\.class");

  private TestRun() {}

  /**
   * Runs the test classes in {@code testClasses} with {@code classpath} (the exercise's classes,
   * the support code and the libraries), writing what the tests print to {@code log}. Libraries the
   * runner itself already has (the JUnit Platform launcher and its dependencies) are shared, not
   * loaded twice: the versions are the same, both pinned by the parent POM.
   */
  public static Outcome run(Path testClasses, List<Path> classpath, Path log) {
    return run(testClasses, classpath, log, null);
  }

  /**
   * Like {@link #run(Path, List, Path)}; {@code sources} (the learner's {@code src/main/java}, or
   * null) lets a hang's diagnosis name the learner's files.
   */
  public static Outcome run(Path testClasses, List<Path> classpath, Path log, Path sources) {
    return run(testClasses, classpath, log, sources, failure -> false);
  }

  /**
   * Like {@link #run(Path, List, Path, Path)}, but the run stops at the first failure that {@code
   * stopAt} accepts: the tests not started yet count as skipped. The corpus stops a wrong case as
   * soon as it is caught for the right reason, instead of waiting for the rest of its tests'
   * deadlines.
   */
  public static Outcome run(
      Path testClasses, List<Path> classpath, Path log, Path sources, Predicate<Failure> stopAt) {
    var selectors = testClassSelectors(testClasses);
    var notTheRunners = classpath.stream().filter(path -> !Classpaths.runnerHas(path)).toList();
    var libraries = sharedLibraries(notTheRunners.stream().filter(TestRun::shared).toList());
    var urls =
        notTheRunners.stream().filter(path -> !shared(path)).map(TestRun::url).toArray(URL[]::new);
    var thread = Thread.currentThread();
    var previousLoader = thread.getContextClassLoader();
    var previousClasspath = System.getProperty("java.class.path");
    var previousSources = System.getProperty(SOURCES_PROPERTY);
    var previousOut = System.out;
    var previousErr = System.err;
    try (var loader = new URLClassLoader("exercise", urls, libraries);
        var output = new PrintStream(new FileOutputStream(log.toFile()), true)) {
      thread.setContextClassLoader(loader);
      System.setProperty("java.class.path", joined(classpath));
      if (sources != null) {
        System.setProperty(SOURCES_PROPERTY, sources.toString());
      }
      System.setOut(output);
      System.setErr(output);
      // After a hang, the learner's stuck threads are still there: the tests left would only
      // be slower and say less, so the run stops (they count as skipped).
      var cancel = CancellationToken.create();
      var listener = new Listener(cancel, stopAt);
      var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
      LauncherFactory.create()
          .execute(
              LauncherExecutionRequestBuilder.request(request)
                  .listeners(listener)
                  .cancellationToken(cancel)
                  .build());
      return listener.outcome();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setOut(previousOut);
      System.setErr(previousErr);
      System.setProperty("java.class.path", previousClasspath);
      if (previousSources == null) {
        System.clearProperty(SOURCES_PROPERTY);
      } else {
        System.setProperty(SOURCES_PROPERTY, previousSources);
      }
      thread.setContextClassLoader(previousLoader);
    }
  }

  /**
   * The class loaders of shared libraries, one per list of jars (each exercise has its own), kept
   * for the life of this JVM.
   */
  private static final Map<List<Path>, ClassLoader> LIBRARIES = new ConcurrentHashMap<>();

  /**
   * Whether a classpath entry is a library loaded once per JVM: a jar. Folders (the learner's
   * classes, the tests, the support code) are loaded afresh on every run. ArchUnit is shared too:
   * it would keep the classes it imported, by folder, for the next run (which would then check a
   * learner's class as it was before the edit), but the exercises' structural tests ask it not to
   * ({@code cacheMode = CacheMode.PER_CLASS}), and the runner's tests check that they all do.
   */
  private static boolean shared(Path entry) {
    return entry.getFileName().toString().endsWith(".jar");
  }

  private static ClassLoader sharedLibraries(List<Path> jars) {
    return LIBRARIES.computeIfAbsent(
        List.copyOf(jars),
        key ->
            new URLClassLoader(
                "libraries",
                key.stream().map(TestRun::url).toArray(URL[]::new),
                TestRun.class.getClassLoader()));
  }

  /**
   * A display name as a sentence: JUnit turns method names' underscores into spaces, but not those
   * of ArchUnit's rule fields ({@code rectangle_is_final}); "1 chunks" reads "1 chunk".
   */
  static String readable(String name) {
    if (name.matches("[a-z][a-zA-Z0-9]*(_[a-zA-Z0-9]+)+")) {
      name = name.replace('_', ' ');
    }
    return SINGULAR.matcher(name).replaceAll("$1");
  }

  private static List<ClassSelector> testClassSelectors(Path testClasses) {
    return Compilation.classFiles(testClasses).stream()
        .filter(
            name -> SUREFIRE_INCLUDES.matcher(name.substring(name.lastIndexOf('/') + 1)).matches())
        .map(name -> selectClass(name.replace(".class", "").replace('/', '.')))
        .toList();
  }

  private static String joined(List<Path> classpath) {
    return String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList());
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Counts tests as Surefire does: every test, and every container that failed on its own. */
  private static final class Listener implements TestExecutionListener {
    private final AtomicInteger tests = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final List<Failure> failures = new ArrayList<>();
    private final CancellationToken cancel;
    private final Predicate<Failure> stopAt;
    private TestPlan plan;

    Listener(CancellationToken cancel, Predicate<Failure> stopAt) {
      this.cancel = cancel;
      this.stopAt = stopAt;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
      plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
      if (id.isTest()) {
        tests.incrementAndGet();
        skipped.incrementAndGet();
      } else {
        var descendants = plan.getDescendants(id).stream().filter(TestIdentifier::isTest).count();
        tests.addAndGet((int) descendants);
        skipped.addAndGet((int) descendants);
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (id.isTest()) {
        tests.incrementAndGet();
      }
      if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
        // An assumption that failed (Deadline after a hang): skipped, as Surefire counts it.
        if (id.isTest()) {
          skipped.incrementAndGet();
        }
        return;
      }
      var throwable = result.getThrowable();
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
          && throwable.isPresent()
          && (id.isTest() || id.getSource().isPresent())) {
        if (!id.isTest()) {
          tests.incrementAndGet();
        }
        var error = throwable.get();
        synchronized (failures) {
          var failure =
              new Failure(
                  name(id),
                  error.getClass().getName(),
                  error.getMessage() == null ? "" : error.getMessage(),
                  id.getTags().stream().anyMatch(tag -> tag.getName().equals(BAD_INPUT)),
                  id.getTags().stream().anyMatch(tag -> tag.getName().equals(INTEGRATION)));
          failures.add(failure);
          if (failure.hang() || stopAt.test(failure)) {
            cancel.cancel();
          }
        }
      }
    }

    /** "WordCountTest: counts the same as a sequential count (with 2 threads)". */
    private String name(TestIdentifier id) {
      var parts = new ArrayList<String>();
      for (var node = id; node != null; node = plan.getParent(node).orElse(null)) {
        if (node.getParentId().isPresent()) {
          parts.addFirst(readable(node.getDisplayName()));
        }
      }
      if (parts.size() <= 1) {
        return String.join("", parts);
      }
      var head = parts.removeFirst();
      var tail = parts.removeLast();
      // A parameterized test's name ends with its parameter types, "(int)": its runs say more.
      var middle = String.join(" › ", parts).replaceAll(" ?\\([^()]*\\)$", "");
      return middle.isEmpty() ? head + ": " + tail : head + ": " + middle + " (" + tail + ")";
    }

    Outcome outcome() {
      return new Outcome(tests.get(), skipped.get(), List.copyOf(failures));
    }
  }
}
