package course.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The course's Maven, through its wrapper ({@code ./mvnw}, which downloads the Maven version the
 * course is tested with on first use), with the JDK this runner runs on. Maven's output goes to a
 * log file in {@code .course/}: the learner sees a verdict, never a build log.
 */
public final class Maven {

  /** Batch mode, no download progress, no colour, no timestamps: a log that reads as text. */
  private static final List<String> FLAGS =
      List.of("-B", "-ntp", "-Dstyle.color=never", "-Dorg.slf4j.simpleLogger.showDateTime=false");

  /** Maven's words for a download that failed: no network, most likely. */
  private static final Pattern NO_NETWORK =
      Pattern.compile(
          "Could not (resolve|transfer|download)|Unknown ?Host|Connection (refused|timed out)"
              + "|Failed to fetch");

  /** Maven was stopped (Ctrl-C, a kill), not broken: 130 and 143 are SIGINT and SIGTERM. */
  public static final class Stopped extends RuntimeException {
    Stopped() {
      super(
          "Stopped (Ctrl-C) while Maven was working: nothing is broken. Run ./verify.sh again to"
              + " go on where it stopped.");
    }
  }

  private final Course course;

  public Maven(Course course) {
    this.course = course;
  }

  /**
   * Runs {@code ./mvnw} with {@code arguments}, its output into {@code log}; true when it
   * succeeded.
   *
   * @throws Stopped when Maven was interrupted (Ctrl-C reaches it and this JVM alike)
   */
  public boolean run(Path log, String... arguments) {
    var command = new ArrayList<String>();
    command.add(course.root().resolve("mvnw").toString());
    command.addAll(FLAGS);
    command.addAll(List.of(arguments));
    var builder =
        new ProcessBuilder(command)
            .directory(course.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = null;
    // Ctrl-C stops this JVM too: its shutdown hook says that nothing broke.
    var stoppedMessage =
        new Thread(() -> System.out.println("✗ " + new Stopped().getMessage()), "maven-stopped");
    try {
      Files.createDirectories(log.getParent());
      Runtime.getRuntime().addShutdownHook(stoppedMessage);
      process = builder.start();
      int status = process.waitFor();
      if (status == 130 || status == 143) {
        throw new Stopped();
      }
      return status == 0;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command.getFirst(), e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new Stopped();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stoppedMessage);
      } catch (IllegalStateException shuttingDown) {
        // the hook has run or is running: its message is the one to show
      }
    }
  }

  /**
   * Why a Maven run that built nothing failed, for the learner: no network on a first run, or the
   * last lines of its log.
   */
  public String explainSetupFailure(Path log) {
    var text = FileOperations.readOrEmpty(log);
    var where = course.root().relativize(log);
    if (NO_NETWORK.matcher(text).find()) {
      return "Maven could not download what the course needs. The very first run needs network"
          + " access to Maven Central (repo.maven.apache.org); later runs work offline. Details: "
          + where;
    }
    var lines = text.lines().toList();
    return "Maven failed before running any exercise. The last lines of "
        + where
        + ":\n"
        + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }

  /**
   * Each module's Surefire summary in log {@code log}, as Maven printed it: {@code <module> Tests
   * run: 12, Failures: 0, Errors: 0, Skipped: 0}.
   */
  public static List<String> surefireSummaries(Path log) {
    var building = Pattern.compile("^\\[INFO\\] Building (.*) 1\\.0\\.0-SNAPSHOT.*");
    var summary =
        Pattern.compile(
            "^\\[[A-Z]+\\] (Tests run: \\d+, Failures: \\d+, Errors: \\d+, Skipped: \\d+)$");
    var lines = new ArrayList<String>();
    var module = Optional.<String>empty();
    for (var line : FileOperations.readOrEmpty(log).lines().toList()) {
      var name = building.matcher(line);
      if (name.matches()) {
        module = Optional.of(name.group(1));
      }
      var counts = summary.matcher(line);
      if (counts.matches()) {
        lines.add("%-46s %s".formatted(module.orElse("?"), counts.group(1)));
      }
    }
    return List.copyOf(lines);
  }

  /** Where Maven's logs go: {@code .course/<name>.log}. */
  public Path log(String name) {
    return course.state().resolve(name + ".log");
  }

  /** Says on {@code out} why the Maven run of {@code log} failed; returns exit status 2. */
  public int failSetup(PrintStream out, Ansi ansi, Path log) {
    out.println(ansi.red("✗ ") + explainSetupFailure(log));
    return 2;
  }
}
