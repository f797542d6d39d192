package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The course's layout on disk: its root folder, its exercises in order, and {@code .course/}, where
 * the runner keeps the learner's progress, its builds and saved work.
 *
 * <p>Exercises are discovered, not listed: every folder {@code exercises/NN_topic} counts.
 */
public record Course(Path root) {

  /** The runner's own folder; the learner may read it, and deleting it only costs time. */
  public Path state() {
    return root.resolve(".course");
  }

  /** Every exercise, in the order of its number. */
  public List<Exercise> exercises() {
    try (var dirs = Files.list(root.resolve("exercises"))) {
      return dirs.filter(Files::isDirectory)
          .filter(dir -> dir.getFileName().toString().matches("\\d\\d_.+"))
          .sorted()
          .map(dir -> new Exercise(dir.getFileName().toString(), dir, root))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The exercise numbered {@code number} ("3", "03" or "03_threads"), if there is one. */
  public Optional<Exercise> exercise(String number) {
    var wanted = number.length() == 1 ? "0" + number : number;
    return exercises().stream()
        .filter(e -> e.name().equals(wanted) || e.number().equals(wanted))
        .findFirst();
  }

  /** The support module's sources, which every exercise compiles against. */
  public Path supportSources() {
    return root.resolve("support/src/main");
  }
}
