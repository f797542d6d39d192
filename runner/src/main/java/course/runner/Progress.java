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
 *   <li>{@code hints.txt}: how many tiers of each exercise's hint the learner has seen, by topic.
 *   <li>{@code passed.txt}: for the runner. The fingerprint of each exercise when it last passed,
 *       by topic ({@code threads}, not {@code 03_threads}); an exercise whose fingerprint has not
 *       changed since is not run again.
 * </ul>
 */
public final class Progress {

  private final Course course;
  private final Map<String, String> passed = new TreeMap<>();
  private final Map<String, Integer> hintsSeen = new TreeMap<>();

  /** Reads the progress of {@code course} (none yet if the files do not exist). */
  public Progress(Course course) {
    this.course = course;
    for (var line : FileOperations.readOrEmpty(passedFile()).lines().toList()) {
      var parts = line.strip().split("\\s+");
      if (parts.length == 2) {
        // Keyed by topic; files written before the capstone was renumbered hold "11_outro".
        passed.put(Exercise.topicOf(parts[0]), parts[1]);
      }
    }
    for (var line : FileOperations.readOrEmpty(hintsFile()).lines().toList()) {
      var parts = line.strip().split("\\s+");
      if (parts.length == 2 && parts[1].matches("\\d+")) {
        hintsSeen.put(parts[0], Integer.parseInt(parts[1]));
      }
    }
  }

  /** How many tiers of {@code exercise}'s hint the learner has seen (0 for none). */
  public int hintsSeen(Exercise exercise) {
    return hintsSeen.getOrDefault(exercise.topic(), 0);
  }

  /** Remembers that the learner has seen {@code tiers} tiers of {@code exercise}'s hint. */
  public void sawHints(Exercise exercise, int tiers) {
    hintsSeen.put(exercise.topic(), tiers);
    var text = new StringBuilder();
    hintsSeen.forEach((topic, seen) -> text.append(topic).append(' ').append(seen).append('\n'));
    FileOperations.write(hintsFile(), text.toString());
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
      int hints = hintsSeen(line.exercise());
      text.append(
          "%-24s %s%s%n"
              .formatted(
                  line.exercise().name(),
                  line.state().label(),
                  hints == 0 ? "" : " (hint tiers seen: " + hints + ")"));
    }
    FileOperations.write(course.state().resolve("progress.txt"), text.toString());
  }

  private void save() {
    var text = new StringBuilder();
    passed.forEach(
        (name, fingerprint) -> text.append(name).append(' ').append(fingerprint).append('\n'));
    FileOperations.write(passedFile(), text.toString());
  }

  private java.nio.file.Path hintsFile() {
    return course.state().resolve("hints.txt");
  }

  private java.nio.file.Path passedFile() {
    return course.state().resolve("passed.txt");
  }
}
