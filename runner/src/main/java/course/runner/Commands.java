package course.runner;

import java.io.PrintStream;
import java.util.List;

/**
 * The runner's small commands: {@code hint}, {@code list}, {@code reset} and, for maintainers,
 * {@code manifest}.
 */
public final class Commands {

  private final Course course;
  private final Ansi ansi;
  private final PrintStream out;

  public Commands(Course course, Ansi ansi, PrintStream out) {
    this.course = course;
    this.ansi = ansi;
    this.out = out;
  }

  /** {@code hint [NN]}: the next tier of the hint of exercise NN, or of the current one. */
  public int hint(String number) {
    return hint(number, false);
  }

  /**
   * {@code hint [NN] [--all]}: the next tier of the hint of exercise NN (or of the current one)
   * that the learner has not seen yet, or every tier with {@code all}. The tier reached is kept in
   * {@code .course/hints.txt}.
   */
  public int hint(String number, boolean all) {
    var progress = new Progress(course);
    var exercise = number == null ? Status.current(course, progress) : course.exercise(number);
    if (exercise.isEmpty()) {
      if (number == null) {
        out.println(ansi.green("✓ ") + "Every exercise is done: no hint needed.");
        return 0;
      }
      return unknownExercise(number);
    }
    var file = exercise.get().hint();
    var hint = Hint.parse(FileOperations.readOrEmpty(file));
    if (hint.tiers().isEmpty()) {
      out.println(
          ansi.red("✗ ")
              + exercise.get().name()
              + " has no hint ("
              + exercise.get().relative(file)
              + " is missing). Read "
              + exercise.get().relative(exercise.get().chapter())
              + ".");
      return 1;
    }
    int total = hint.tiers().size();
    int seen = progress.hintsSeen(exercise.get());
    int upTo = all ? total : Math.min(total, seen + 1);
    int from = all ? 1 : upTo;
    for (int tier = from; tier <= upTo; tier++) {
      var shown = hint.tiers().get(tier - 1);
      out.println(
          ansi.bold(
                  "Hint %d of %d for %s: %s"
                      .formatted(tier, total, exercise.get().name(), shown.title()))
              + ansi.dim(" (" + exercise.get().relative(file) + ")"));
      shown.text().lines().forEach(line -> out.println("  " + line));
    }
    progress.sawHints(exercise.get(), Math.max(seen, upTo));
    if (upTo < total) {
      out.println(
          ansi.dim(
              "  Still stuck? ./verify.sh hint again shows the next one ("
                  + (total - upTo)
                  + " more); --all shows them all."));
    } else if (!all && seen >= total) {
      out.println(
          ansi.dim(
              "  That was the last one. Read "
                  + exercise.get().relative(exercise.get().chapter())
                  + " again, or run ./verify.sh to see what the tests say now."));
    }
    return 0;
  }

  /** {@code list}: every exercise and its state. */
  public int list() {
    var progress = new Progress(course);
    var lines = Status.of(course, progress);
    int done = 0;
    for (var line : lines) {
      var name = "%-22s".formatted(line.exercise().name());
      var changed =
          line.testsChanged()
              ? ansi.red(
                  "  (tests edited: ./verify.sh reset " + line.exercise().number() + " --tests)")
              : line.changedSincePassed() && line.state() != Status.State.DONE
                  ? ansi.dim("  (passed before; changed since, so ./verify.sh checks it again)")
                  : "";
      switch (line.state()) {
        case DONE -> {
          done++;
          out.println("  " + ansi.green("✓ " + name + " done") + changed);
        }
        case CURRENT ->
            out.println(
                "  "
                    + ansi.bold("→ " + name + " current")
                    + "      "
                    + line.exercise().relative(line.exercise().chapter())
                    + changed);
        case STARTED -> out.println("  " + "· " + name + " started" + changed);
        case NOT_STARTED -> out.println("  " + ansi.dim("· " + name + " not started") + changed);
      }
    }
    progress.writeSummary(lines);
    out.println(
        done + " of " + lines.size() + " done. Your progress is also in .course/progress.txt.");
    return 0;
  }

  /** {@code reset NN [--tests]} or {@code reset --all [--tests]}. */
  public int reset(String which, boolean testsOnly) {
    List<Exercise> exercises;
    if ("--all".equals(which)) {
      exercises = course.exercises();
    } else {
      var exercise = course.exercise(which);
      if (exercise.isEmpty()) {
        return unknownExercise(which);
      }
      exercises = List.of(exercise.get());
    }
    var ok = new Reset(course, new Progress(course), ansi, out).reset(exercises, testsOnly);
    return ok ? 0 : 1;
  }

  /**
   * {@code manifest}: rewrites {@code exercises/tests.sha256} and {@code exercises/stubs.sha256}
   * from the files on disk. {@code manifest --check}: says whether they are up to date.
   */
  public int manifest(boolean check) {
    var root = course.root();
    var exercises = course.exercises();
    var tests =
        Manifest.of(
            Manifest.tests(course).file(),
            root,
            exercises.stream().map(e -> e.dir().resolve("src/test")).toList());
    var stubs =
        Manifest.of(
            Manifest.stubs(course).file(),
            root,
            exercises.stream().map(e -> e.dir().resolve("src/main")).toList());
    if (!check) {
      tests.write();
      stubs.write();
      out.println(
          "Wrote exercises/tests.sha256 and exercises/stubs.sha256 ("
              + (tests.hashes().size() + stubs.hashes().size())
              + " files).");
      return 0;
    }
    boolean upToDate = true;
    for (var manifest : List.of(tests, stubs)) {
      if (!manifest.text().equals(FileOperations.readOrEmpty(manifest.file()))) {
        out.println(root.relativize(manifest.file()) + " is out of date: run ./verify.sh manifest");
        upToDate = false;
      }
    }
    return upToDate ? 0 : 1;
  }

  private int unknownExercise(String number) {
    out.println(
        ansi.red("✗ ")
            + "There is no exercise "
            + number
            + ". The exercises are "
            + course.exercises().getFirst().number()
            + " to "
            + course.exercises().getLast().number()
            + ": ./verify.sh list shows them.");
    return 2;
  }
}
