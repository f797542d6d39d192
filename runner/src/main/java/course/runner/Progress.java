package course.runner;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learner's progress, kept in two files of {@code .course/}:
 *
 * <ul>
 *   <li>{@code progress.txt}: for people. One exercise a line: done, current or not started.
 *   <li>{@code passed.txt}: for the runner. The fingerprint of each exercise when it last passed,
 *       by topic ({@code threads}, not {@code 03_threads}); an exercise whose fingerprint has not
 *       changed since is not run again.
 * </ul>
 */
public final class Progress {

  private final Course course;
  private final Map<String, String> passed = new TreeMap<>();

  /** Reads the progress of {@code course} (none yet if the files do not exist). */
  public Progress(Course course) {
    this.course = course;
    for (var line : Files2.readOrEmpty(passedFile()).lines().toList()) {
      var parts = line.strip().split("\\s+");
      if (parts.length == 2) {
        // Keyed by topic; files written before the capstone was renumbered hold "11_outro".
        passed.put(Exercise.topicOf(parts[0]), parts[1]);
      }
    }
  }

  /** Whether {@code exercise} passed with exactly this {@code fingerprint}. */
  public boolean passedWith(Exercise exercise, String fingerprint) {
    return fingerprint.equals(passed.get(exercise.topic()));
  }

  /** Whether {@code exercise} passed once, whatever its files were then. */
  public boolean passedBefore(Exercise exercise) {
    return passed.containsKey(exercise.topic());
  }

  /** Remembers that {@code exercise} passed with {@code fingerprint}. */
  public void markPassed(Exercise exercise, String fingerprint) {
    passed.put(exercise.topic(), fingerprint);
    save();
  }

  /** Forgets that {@code exercise} passed (after a reset, say). */
  public void forget(Exercise exercise) {
    passed.remove(exercise.topic());
    save();
  }

  /** Writes both files. {@code states} gives each exercise's state for progress.txt. */
  public void writeSummary(List<Status.Line> states) {
    var text =
        new StringBuilder()
            .append("# Your progress in the course, written by ./verify.sh on ")
            .append(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")))
            .append(".\n# done: its tests pass. current: the one to work on now. ")
            .append("Run ./verify.sh list to see it again.\n");
    for (var line : states) {
      text.append("%-24s %s%n".formatted(line.exercise().name(), line.state().label()));
    }
    Files2.write(course.state().resolve("progress.txt"), text.toString());
  }

  private void save() {
    var text = new StringBuilder();
    passed.forEach(
        (name, fingerprint) -> text.append(name).append(' ').append(fingerprint).append('\n'));
    Files2.write(passedFile(), text.toString());
  }

  private java.nio.file.Path passedFile() {
    return course.state().resolve("passed.txt");
  }
}
