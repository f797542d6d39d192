package course.runner;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The exercises' test classpaths, as Maven resolved them.
 *
 * <p>{@link Setup} asks Maven once ({@code dependency:build-classpath}) and keeps the answer in
 * {@code .course/classpath/<exercise>.txt}, asking again only when a {@code pom.xml} changes: the
 * libraries an exercise tests with are exactly those of its Maven module. The support module's
 * entry is replaced by the runner's own build of it.
 */
public final class Classpaths {

  private static final Set<Path> RUNNER =
      Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
          .map(entry -> Path.of(entry).toAbsolutePath().normalize())
          .collect(Collectors.toUnmodifiableSet());

  private Classpaths() {}

  /** Whether the runner's own classpath has {@code path} (the launcher and what it needs). */
  static boolean runnerHas(Path path) {
    return RUNNER.contains(path.toAbsolutePath().normalize());
  }

  /**
   * The libraries of {@code exercise}'s tests, with the support module replaced by {@code
   * supportClasses}.
   *
   * @throws IllegalStateException if Maven's answer is missing ({@link Setup} writes it first)
   */
  public static List<Path> libraries(Course course, Exercise exercise, Path supportClasses) {
    var file = course.state().resolve("classpath").resolve(exercise.name() + ".txt");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "No classpath for "
              + exercise.name()
              + " in "
              + file
              + ": run ./verify.sh, which asks Maven for it.");
    }
    // Maven names the support module by its output folder (in this copy of the course, or in
    // the one the answer was copied from).
    var supportOutput = Path.of("support", "target", "classes");
    var entries = new ArrayList<Path>();
    for (var entry : FileOperations.readOrEmpty(file).strip().split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      var path = Path.of(entry).toAbsolutePath().normalize();
      entries.add(path.endsWith(supportOutput) ? supportClasses : path);
    }
    return List.copyOf(entries);
  }

  /** Maven's fingerprint of every pom.xml, written by {@link Setup} beside the classpaths. */
  public static String pomsFingerprint(Course course) {
    return FileOperations.readOrEmpty(course.state().resolve("classpath/poms.sha256")).strip();
  }
}
