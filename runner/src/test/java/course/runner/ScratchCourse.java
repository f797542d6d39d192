package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway copy of the course (runner/scripts/scratch-copy.sh), for tests that plant a learner's
 * code in it and drive the runner's classes on it. It reuses the course's built runner and Maven's
 * classpaths from {@code .course/}, so no Maven run is needed.
 */
final class ScratchCourse implements AutoCloseable {

  /** The course being tested: {@code course.source} (set by runner/pom.xml), or the parent. */
  static final Path SOURCE =
      Path.of(System.getProperty("course.source", "..")).toAbsolutePath().normalize();

  private final Path root;
  private final Course course;

  private ScratchCourse(Path root) {
    this.root = root;
    this.course = new Course(root);
  }

  /** A fresh copy, in a temporary folder. */
  static ScratchCourse create() throws IOException, InterruptedException {
    var root = Files.createTempDirectory("course-scratch");
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

  /** Copies the reference solutions of {@code numbers} into the learner's folders. */
  void solve(String... numbers) {
    for (var number : numbers) {
      var exercise = exercise(number);
      copyTree(exercise.solutionSources(), exercise.mainSources());
    }
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
    for (var file : Fingerprint.filesUnder(java.util.List.of(from))) {
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
