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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
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
 * <p>Each run gets a fresh class loader, so nothing (static state, ArchUnit's cache of imported
 * classes) leaks from one run into the next. The tests' own output goes to a log file, as with
 * Surefire's {@code redirectTestOutputToFile}.
 */
public final class TestRun {

  /** One failing test: its readable name, the exception's type and its message. */
  public record Failure(String test, String type, String message) {}

  /** What a run found: how many tests ran, and which failed. */
  public record Outcome(int tests, int skipped, List<Failure> failures) {
    public boolean passed() {
      return failures.isEmpty() && tests > 0;
    }
  }

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
    var selectors = testClassSelectors(testClasses);
    var urls =
        classpath.stream()
            .filter(path -> !Classpaths.runnerHas(path))
            .map(TestRun::url)
            .toArray(URL[]::new);
    var thread = Thread.currentThread();
    var previousLoader = thread.getContextClassLoader();
    var previousClasspath = System.getProperty("java.class.path");
    var previousOut = System.out;
    var previousErr = System.err;
    try (var loader = new URLClassLoader("exercise", urls, TestRun.class.getClassLoader());
        var output = new PrintStream(new FileOutputStream(log.toFile()), true)) {
      thread.setContextClassLoader(loader);
      System.setProperty("java.class.path", joined(classpath));
      System.setOut(output);
      System.setErr(output);
      var listener = new Listener();
      var request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
      LauncherFactory.create().execute(request, listener);
      return listener.outcome();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      System.setOut(previousOut);
      System.setErr(previousErr);
      System.setProperty("java.class.path", previousClasspath);
      thread.setContextClassLoader(previousLoader);
    }
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
    private TestPlan plan;

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
      var throwable = result.getThrowable();
      if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
          && throwable.isPresent()
          && (id.isTest() || id.getSource().isPresent())) {
        if (!id.isTest()) {
          tests.incrementAndGet();
        }
        var error = throwable.get();
        synchronized (failures) {
          failures.add(
              new Failure(
                  name(id),
                  error.getClass().getName(),
                  error.getMessage() == null ? "" : error.getMessage()));
        }
      }
    }

    /** "WordCountTest: counts the same as a sequential count (with 2 threads)". */
    private String name(TestIdentifier id) {
      var parts = new ArrayList<String>();
      for (var node = id; node != null; node = plan.getParent(node).orElse(null)) {
        if (node.getParentId().isPresent()) {
          parts.addFirst(node.getDisplayName());
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
