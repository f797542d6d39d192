package course.runner;

import java.util.List;

/** What the runner found out about one exercise. */
public sealed interface Verdict {

  /** The exercise the verdict is about. */
  Exercise exercise();

  /** Whether the exercise is done. */
  default boolean done() {
    return this instanceof Passed;
  }

  /**
   * Its tests pass.
   *
   * @param outcome the run's outcome, or null when it passed before and nothing changed since
   */
  record Passed(Exercise exercise, TestRun.Outcome outcome) implements Verdict {
    /** Whether the tests did not run again because nothing changed since they passed. */
    public boolean remembered() {
      return outcome == null;
    }
  }

  /** A test file differs from the course's: the exercise cannot be called done. */
  record TestsChanged(Exercise exercise, List<Manifest.Change> changes) implements Verdict {}

  /** A file the exercise starts from is gone. */
  record FileMissing(Exercise exercise, List<String> paths) implements Verdict {}

  /**
   * The exercise (or the tests against it) does not compile.
   *
   * @param error the compiler's first error
   * @param errors every error, in the compiler's order
   */
  record DoesNotCompile(Exercise exercise, Compilation.Error error, List<Compilation.Error> errors)
      implements Verdict {
    public DoesNotCompile(Exercise exercise, Compilation.Error error) {
      this(exercise, error, List.of(error));
    }

    public DoesNotCompile(Exercise exercise, List<Compilation.Error> errors) {
      this(exercise, errors.getFirst(), List.copyOf(errors));
    }
  }

  /** Its tests ran, and some failed (or none ran). */
  record Failed(Exercise exercise, TestRun.Outcome outcome) implements Verdict {}
}
