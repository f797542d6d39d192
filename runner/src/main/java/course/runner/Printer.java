package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns a verdict into what the learner reads: the failing test's message first, then the chapter
 * to read and the file to edit. Never more than {@link #MAX_LINES} lines.
 */
public final class Printer {

  /** Where the runner writes every failure of the last run, messages in full. */
  public static final String FAILURES_FILE = ".course/failures.txt";

  /** The most lines a verdict may take. */
  public static final int MAX_LINES = 15;

  private static final int FAILURES_SHOWN = 2;
  private static final int FIRST_MESSAGE_LINES = 5;
  private static final int MESSAGE_LINES = 3;
  private static final int LINE_WIDTH = 160;
  private static final int MESSAGE_WIDTH = 94;

  private final Ansi ansi;

  public Printer(Ansi ansi) {
    this.ansi = ansi;
  }

  /** The lines for {@code verdict}, at most {@link #MAX_LINES}. */
  public List<String> lines(Verdict verdict) {
    return lines(verdict, MAX_LINES);
  }

  /** The lines for {@code verdict}, at most {@code max}: fewer failures shown if need be. */
  public List<String> lines(Verdict verdict, int max) {
    // Compile errors may take a screenful: javac's errors are read together.
    if (verdict instanceof Verdict.DoesNotCompile) {
      max += COMPILE_ERROR_LINES - MAX_LINES;
    }
    var lines =
        switch (verdict) {
          case Verdict.Passed passed -> passed(passed);
          case Verdict.Failed failed -> failed(failed, max);
          case Verdict.DoesNotCompile broken -> doesNotCompile(broken, max);
          case Verdict.TestsChanged changed -> testsChanged(changed);
          case Verdict.FileMissing missing -> fileMissing(missing);
        };
    return lines.size() <= max ? lines : lines.subList(0, max);
  }

  private List<String> passed(Verdict.Passed verdict) {
    var name = verdict.exercise().name();
    if (verdict.remembered()) {
      return List.of(ansi.green("✓ ") + name + " passes (unchanged since it last passed).");
    }
    var outcome = verdict.outcome();
    return List.of(
        ansi.green("✓ ")
            + ansi.bold(name)
            + " passes: "
            + plural(outcome.tests(), "test")
            + (outcome.skipped() > 0 ? " (" + outcome.skipped() + " skipped)" : "")
            + ".");
  }

  private List<String> failed(Verdict.Failed verdict, int max) {
    var outcome = verdict.outcome();
    var name = verdict.exercise().name();
    var header =
        outcome.tests() == 0
            ? ansi.red("✗ ") + ansi.bold(name) + ": no tests ran. Did a test class lose its tests?"
            : ansi.red("✗ ")
                + ansi.bold(name)
                + ": "
                + outcome.failures().size()
                + " of "
                + plural(outcome.tests(), "test")
                + (outcome.failures().size() == 1 ? " fails" : " fail")
                + (hung(outcome) && outcome.skipped() > 0
                    ? " (" + outcome.skipped() + " more not run after the hang)."
                    : ".");
    var footer = new ArrayList<String>();
    footer.add("");
    footer.addAll(whereToWork(verdict.exercise()));
    // The failures get the lines left over; the first failure always shows.
    int room = Math.max(2, max - 1 - footer.size());
    var failures = new ArrayList<String>();
    int shown = 0;
    boolean cut = false;
    // Failures that say the same thing (every test of a stub: "not written yet") show once.
    var distinct = new LinkedHashMap<String, TestRun.Failure>();
    // The lesson first: a hang, then the chapter's own tests, then those of bad input.
    outcome.ranked().forEach(failure -> distinct.putIfAbsent(explain(failure), failure));
    for (var failure : distinct.values().stream().limit(FAILURES_SHOWN).toList()) {
      var message = wrap(explain(failure));
      // The first failure may say more: it is the one to fix first. A hang's diagnosis (where
      // each thread is stuck) gets every line there is room for.
      int lines =
          shown > 0
              ? MESSAGE_LINES
              : failure.hang() ? Math.max(FIRST_MESSAGE_LINES, room - 2) : FIRST_MESSAGE_LINES;
      var block = new ArrayList<String>();
      block.add("  " + ansi.red("✗ ") + clip(failure.test()));
      message.stream().limit(lines).forEach(line -> block.add("      " + line));
      if (shown > 0 && failures.size() + block.size() + 1 > room) {
        break;
      }
      cut |= message.size() > lines;
      failures.addAll(block.subList(0, Math.min(block.size(), room - 1)));
      shown++;
    }
    int hidden = outcome.failures().size() - shown;
    if (hidden > 0 || cut) {
      failures.add(
          ansi.dim(
              "  "
                  + (hidden > 0 ? "… and " + hidden + " more. " : "")
                  + "Every message in full: "
                  + FAILURES_FILE));
    }
    var lines = new ArrayList<String>();
    lines.add(header);
    lines.addAll(failures);
    lines.addAll(footer);
    return lines;
  }

  private static boolean hung(TestRun.Outcome outcome) {
    return outcome.failures().stream().anyMatch(TestRun.Failure::hang);
  }

  private List<String> doesNotCompile(Verdict.DoesNotCompile verdict, int max) {
    var exercise = verdict.exercise();
    var errors = verdict.errors();
    var first = verdict.error();
    var inTests =
        first.file() != null && first.file().startsWith(exercise.dir().resolve("src/test"));
    var footer = new ArrayList<String>();
    if (inTests) {
      footer.add("  Keep the class, method and parameter names of the stub: the tests call them.");
    }
    footer.add("");
    footer.addAll(whereToWork(exercise));
    var lines = new ArrayList<String>();
    lines.add(
        ansi.red("✗ ")
            + ansi.bold(exercise.name())
            + (inTests ? ": the tests do not compile against your code (" : " does not compile (")
            + plural(errors.size(), "error")
            + (errors.size() == 1 ? "):" : ", as javac gives them):"));
    // Every error, as javac prints it, while they fit on a screen; the rest in the file.
    int room = max - 1 - footer.size();
    int shown = 0;
    for (var error : errors) {
      var block = javacStyle(error, exercise).lines().map(line -> "    " + clip(line)).toList();
      if (shown > 0 && lines.size() - 1 + block.size() > room - 1) {
        break;
      }
      lines.addAll(block.subList(0, Math.min(block.size(), room - 1)));
      shown++;
    }
    if (shown < errors.size()) {
      lines.add(
          ansi.dim(
              "  … and "
                  + plural(errors.size() - shown, "more error")
                  + ". Every one in full: "
                  + FAILURES_FILE));
    }
    lines.addAll(footer);
    return lines;
  }

  /** The most lines a compile error verdict may take: a screenful. */
  static final int COMPILE_ERROR_LINES = 24;

  /**
   * One error as javac prints it: "file:line: error: message", the source line, a caret under the
   * column, then the message's other lines ("symbol: ...", "location: ...").
   */
  static String javacStyle(Compilation.Error error, Exercise exercise) {
    var where =
        error.file() == null ? "" : exercise.relative(error.file()) + ":" + error.line() + ": ";
    var message = error.message().lines().toList();
    var text = new StringBuilder(where).append("error: ").append(error.summary()).append('\n');
    error.sourceAndCaret().forEach(line -> text.append("    ").append(line).append('\n'));
    message.stream().skip(1).forEach(line -> text.append(line).append('\n'));
    return text.toString().stripTrailing();
  }

  private List<String> testsChanged(Verdict.TestsChanged verdict) {
    var exercise = verdict.exercise();
    var lines = new ArrayList<String>();
    lines.add(
        ansi.red("✗ ")
            + ansi.bold(exercise.name())
            + ": its tests are not the course's any more, so it cannot count as done.");
    for (var change : verdict.changes().stream().limit(4).toList()) {
      lines.add("    " + change.kind().name().toLowerCase() + ":  " + change.path());
    }
    lines.add("  The tests decide when an exercise is done: edit src/main, never src/test.");
    lines.add("  Restore the tests (your edited copies are saved in .course/saved/ first):");
    lines.add("    " + ansi.bold("./verify.sh reset " + exercise.number() + " --tests"));
    return lines;
  }

  private List<String> fileMissing(Verdict.FileMissing verdict) {
    var exercise = verdict.exercise();
    var lines = new ArrayList<String>();
    lines.add(ansi.red("✗ ") + ansi.bold(exercise.name()) + ": a file of the exercise is missing:");
    verdict.paths().stream().limit(4).forEach(path -> lines.add("    " + path));
    lines.add(
        "  Restore the exercise's files (your current ones are saved in .course/saved/ first):");
    lines.add("    " + ansi.bold("./verify.sh reset " + exercise.number()));
    return lines;
  }

  /** "Read: the chapter", "Edit: the files with a TODO", "Stuck? the hint". */
  List<String> whereToWork(Exercise exercise) {
    var lines = new ArrayList<String>();
    lines.add("  Read:  " + exercise.relative(exercise.chapter()));
    var files = filesToEdit(exercise);
    files.stream().limit(2).forEach(file -> lines.add("  Edit:  " + file));
    if (files.size() > 2) {
      lines.add(
          "         … and "
              + (files.size() - 2)
              + " more in "
              + exercise.relative(exercise.mainSources()));
    }
    lines.add("  Stuck? " + "./verify.sh hint " + exercise.number());
    return lines;
  }

  /** The learner's files: those with a TODO, or all of src/main when no TODO is left. */
  static List<String> filesToEdit(Exercise exercise) {
    var files =
        Fingerprint.filesUnder(List.of(exercise.mainSources())).stream()
            .filter(file -> file.toString().endsWith(".java"))
            .toList();
    var withTodo =
        files.stream()
            .filter(
                file -> {
                  try {
                    return Files.readString(file).contains("TODO");
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
    return (withTodo.isEmpty() ? files : withTodo).stream().map(exercise::relative).toList();
  }

  /** A failure's message, made for a learner: a TODO reads as "not written yet". */
  static String explain(TestRun.Failure failure) {
    var message = failure.message().strip();
    var type = failure.type();
    // A fork/join task rethrows a copy whose message starts with the original's type.
    if (message.startsWith(type + ": ")) {
      message = message.substring(type.length() + 2).strip();
    }
    if (type.endsWith("UnsupportedOperationException") && message.startsWith("TODO")) {
      return "Not written yet: " + message;
    }
    // JUnit's "message ==> expected: <a> but was: <b>": the comparison on a line of its own.
    message = message.replace(" ==> ", "\n");
    if (!type.contains("AssertionFailedError") && !type.contains("AssertionError")) {
      var simpleType = type.substring(type.lastIndexOf('.') + 1);
      message = simpleType + (message.isEmpty() ? "" : ": " + message);
    }
    return message.isEmpty() ? "(no message)" : message;
  }

  /** The message's lines, long ones wrapped between words to {@link #MESSAGE_WIDTH}. */
  static List<String> wrap(String message) {
    var lines = new ArrayList<String>();
    for (var paragraph : message.lines().toList()) {
      if (paragraph.length() <= MESSAGE_WIDTH || paragraph.startsWith("  ")) {
        // Short lines (a table, say) keep their spaces; indented ones (a hang's threads, a
        // file:line) keep their layout too, clipped rather than wrapped.
        lines.add(clip(paragraph));
        continue;
      }
      var line = new StringBuilder();
      for (var word : paragraph.split(" ", -1)) {
        if (line.length() > 0 && line.length() + 1 + word.length() > MESSAGE_WIDTH) {
          lines.add(line.toString());
          line.setLength(0);
        } else if (line.length() > 0) {
          line.append(' ');
        }
        line.append(word);
      }
      lines.add(clip(line.toString().stripTrailing()));
    }
    return lines;
  }

  private static String clip(String line) {
    return line.length() <= LINE_WIDTH ? line : line.substring(0, LINE_WIDTH - 1) + "…";
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
