package course.runner;

import java.nio.file.Path;

/**
 * One numbered exercise of the course, such as {@code exercises/03_threads}.
 *
 * @param name the folder's name, e.g. {@code 03_threads}
 * @param dir the exercise's folder, where the learner edits {@code src/main}
 * @param root the course's root folder
 */
public record Exercise(String name, Path dir, Path root) implements Comparable<Exercise> {

  /** Exercises sort by number; none (the course is finished) comes after all. */
  @Override
  public int compareTo(Exercise other) {
    return other == null ? -1 : name.compareTo(other.name());
  }

  /** The two-digit number, e.g. {@code 03}. */
  public String number() {
    return name.substring(0, 2);
  }

  /**
   * The topic without its number, e.g. {@code threads}: the key of the learner's progress, so that
   * a chapter the course renumbers keeps it.
   */
  public String topic() {
    return topicOf(name);
  }

  /** The topic of an exercise folder's name: {@code 03_threads} gives {@code threads}. */
  public static String topicOf(String name) {
    return name.matches("\\d\\d_.+") ? name.substring(3) : name;
  }

  /** The learner's code. */
  public Path mainSources() {
    return dir.resolve("src/main/java");
  }

  /** The tests that decide when the exercise is done. */
  public Path testSources() {
    return dir.resolve("src/test/java");
  }

  /** The reference answer's code, in {@code solutions/}. */
  public Path solutionSources() {
    return root.resolve("solutions").resolve(name).resolve("src/main/java");
  }

  /** The chapter to read, e.g. {@code book/03_threads.md}. */
  public Path chapter() {
    return root.resolve("book").resolve(name + ".md");
  }

  /** The short hint beside the exercise's pom. */
  public Path hint() {
    return dir.resolve("HINT.md");
  }

  /** A path relative to the course's root, for messages: {@code exercises/03_threads/...}. */
  public String relative(Path path) {
    return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
