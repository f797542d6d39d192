package course.runner;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over the course: the exercises in order, stopping at the first one that is not done.
 * Both the one-shot {@code ./verify.sh} and each round of {@code watch} are one pass.
 */
public final class Session {

  /** What a pass found: the exercises that passed just now, and the first one not done. */
  public record Pass(List<Verdict> passedNow, Verdict stop, int done, int total) {
    /** Whether every exercise is done. */
    public boolean finished() {
      return stop == null;
    }
  }

  private final Course course;
  private final Progress progress;
  private final Checker checker;
  private final Printer printer;
  private final Ansi ansi;

  public Session(Course course, boolean recheck, Ansi ansi) {
    this.course = course;
    this.progress = new Progress(course);
    this.checker = new Checker(course, progress, recheck);
    this.printer = new Printer(ansi);
    this.ansi = ansi;
  }

  public Progress progress() {
    return progress;
  }

  /** Calls {@code listener} when an exercise's tests are about to run (watch says so). */
  public void onCheck(java.util.function.Consumer<Exercise> listener) {
    checker.onRun(listener);
  }

  /** Checks the exercises in order until one is not done. */
  public Pass pass() {
    var exercises = course.exercises();
    var passedNow = new ArrayList<Verdict>();
    int done = 0;
    Verdict stop = null;
    for (var exercise : exercises) {
      var verdict = checker.check(exercise);
      if (!verdict.done()) {
        stop = verdict;
        break;
      }
      done++;
      if (!((Verdict.Passed) verdict).remembered()) {
        passedNow.add(verdict);
      }
    }
    progress.writeSummary(Status.of(course, progress));
    return new Pass(List.copyOf(passedNow), stop, done, exercises.size());
  }

  /** Prints a pass: what passed just now, then the verdict on the first exercise not done. */
  public void print(Pass pass, PrintStream out) {
    int used = printPassedNow(pass, out);
    if (pass.finished()) {
      out.println(
          ansi.green(ansi.bold("✓ All " + pass.total() + " exercises pass."))
              + " You have finished the course: well done!");
      out.println(
          "  Compare your code with the reference answers in solutions/, and try "
              + "./verify.sh bench to see the speed-ups.");
      return;
    }
    printer.lines(pass.stop(), Printer.MAX_LINES - used - 1).forEach(out::println);
    out.println(ansi.dim("  " + pass.done() + " of " + pass.total() + " exercises done."));
  }

  /** Prints the exercises that passed just now, in one line; returns the lines printed. */
  public int printPassedNow(Pass pass, PrintStream out) {
    var passedNow = pass.passedNow();
    if (passedNow.size() == 1) {
      printer.lines(passedNow.getFirst()).forEach(out::println);
      return 1;
    }
    if (passedNow.size() > 1) {
      out.println(
          ansi.green("✓ ")
              + passedNow.size()
              + " exercises pass: "
              + passedNow.getFirst().exercise().name()
              + " to "
              + passedNow.getLast().exercise().name()
              + ".");
      return 1;
    }
    return 0;
  }
}
