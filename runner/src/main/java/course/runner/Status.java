package course.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the learner stands, without running any test: which exercises are done (they passed and
 * have not changed since), which one is current, which are not started.
 */
public final class Status {

  /** The state of one exercise, as {@code list} and {@code progress.txt} show it. */
  public enum State {
    DONE("done"),
    CURRENT("current"),
    STARTED("started"),
    NOT_STARTED("not started");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One exercise and its state; {@code testsChanged} when a test file was edited; {@code
   * changedSincePassed} when it passed once and its files (or the course's) changed since, so that
   * it must be checked again.
   */
  public record Line(
      Exercise exercise, State state, boolean testsChanged, boolean changedSincePassed) {
    public Line(Exercise exercise, State state, boolean testsChanged) {
      this(exercise, state, testsChanged, false);
    }
  }

  private Status() {}

  /** The state of every exercise of {@code course}. */
  public static List<Line> of(Course course, Progress progress) {
    var checker = new Checker(course, progress, false);
    var tests = Manifest.tests(course);
    var stubs = Manifest.stubs(course);
    var lines = new ArrayList<Line>();
    boolean currentSeen = false;
    for (var exercise : course.exercises()) {
      var testsChanged =
          !tests.pathsUnder("exercises/" + exercise.name() + "/").isEmpty()
              && !tests.changes(course.root(), exercise.dir().resolve("src/test")).isEmpty();
      var passed = progress.passedWith(exercise, checker.fingerprint(exercise));
      State state;
      if (passed && !testsChanged) {
        state = State.DONE;
      } else if (!currentSeen) {
        state = State.CURRENT;
        currentSeen = true;
      } else if (stubs.changes(course.root(), exercise.dir().resolve("src/main")).isEmpty()) {
        state = State.NOT_STARTED;
      } else {
        state = State.STARTED;
      }
      lines.add(
          new Line(exercise, state, testsChanged, !passed && progress.passedBefore(exercise)));
    }
    return lines;
  }

  /** The current exercise: the first one not done, if any. */
  public static java.util.Optional<Exercise> current(Course course, Progress progress) {
    return of(course, progress).stream()
        .filter(line -> line.state() == State.CURRENT)
        .map(Line::exercise)
        .findFirst();
  }
}
