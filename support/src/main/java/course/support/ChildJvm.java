package course.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** Builds the command line that starts a child JVM running one of the course's main classes. */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * The command that starts a new JVM running {@code mainClass}: the same {@code java} as this JVM,
   * the same classpath, and the class's name. Hand it to {@link ProcessBuilder}.
   *
   * <pre>{@code
   * var process = new ProcessBuilder(ChildJvm.command(CountWorker.class)).start();
   * }</pre>
   *
   * <p>The child gets a small serial garbage collector: a short-lived worker needs no more, and it
   * starts faster. Its standard output is the child's own: the JVM writes none of its warnings
   * there (they go to standard error), and it keeps no {@code hsperfdata} file, whose clash with
   * another process's would print one.
   *
   * @param mainClass a class with a {@code public static void main(String[])}
   * @return an unmodifiable command line
   * @throws NullPointerException if {@code mainClass} is null
   */
  public static List<String> command(Class<?> mainClass) {
    Objects.requireNonNull(mainClass, "mainClass must not be null");
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-XX:+UseSerialGC",
        // A JVM warning on standard output would be read as the child's answer.
        "-XX:-UsePerfData",
        "-Xlog:disable",
        "-Xlog:all=warning:stderr",
        "-cp",
        System.getProperty("java.class.path"),
        mainClass.getName());
  }
}
