package course.runner;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The help text of every command, written once. {@code ./verify.sh --help}, {@code ./verify.sh help
 * CMD}, {@code ./verify.sh CMD --help} and the README's table of commands all come from here
 * ({@code HelpTest} fails when the README's table says something else).
 */
final class Help {

  /**
   * One command of {@code ./verify.sh}.
   *
   * @param name what follows {@code ./verify.sh} ({@code ""} for the plain check)
   * @param synopsis the command with its arguments, as a learner types it
   * @param summary what it does, in one line: the list of commands and the README's table
   * @param details what {@code help CMD} adds below the synopsis
   * @param forMaintainers whether only maintainers need it (left out of the README's table)
   */
  record Command(
      String name, String synopsis, String summary, String details, boolean forMaintainers) {}

  static final List<Command> COMMANDS =
      List.of(
          new Command(
              "check",
              "./verify.sh [--recheck]",
              "check the exercises in order; stop at the first one not done",
              """
              Checks the exercises in order and stops at the first one not done: its failing
              test's message, the chapter to read, the file to edit. Exercises that passed and
              have not changed since are not run again; --recheck runs them all. Exit status 0
              when every exercise passes.""",
              false),
          new Command(
              "watch",
              "./verify.sh watch [--recheck]",
              "the same, again every time you save a file",
              """
              Checks the exercises, then again every time you save a file. Keys: Enter (or r)
              checks again, h shows the hint, l the list, q quits. When an exercise passes, it
              shows the next one and waits for Enter before moving on. COURSE_WATCH=poll watches
              by polling only (for folders where file events are missed).""",
              false),
          new Command(
              "list",
              "./verify.sh list",
              "every exercise: done, current, not started",
              """
              Every exercise and its state: done, current (the one to work on), started, not
              started. The same list is kept in .course/progress.txt.""",
              false),
          new Command(
              "hint",
              "./verify.sh hint [NN] [--all]",
              "the next hint for exercise NN (or the current one)",
              """
              The next hint for exercise NN (e.g. 03), or for the current exercise, never the
              answer. Hints come in three tiers: a nudge, then the concept and the API to look
              at, then the shape of a solution in words; each call shows the next one. --all
              shows every tier. They are the file exercises/NN_topic/HINT.md; the tier you
              reached is kept in .course/hints.txt.""",
              false),
          new Command(
              "reset",
              "./verify.sh reset NN|--all [--tests]",
              "put exercise NN back as it was (your files are saved)",
              """
              Puts exercise NN (or every exercise) back as the course ships it. Your files are
              saved first in .course/saved/<date_time>/, never lost. --tests restores only the
              tests. Needs git.""",
              false),
          new Command(
              "book",
              "./verify.sh book [--open]",
              "the book as a website in target/book/ (--open opens it)",
              """
              Renders the book (book/*.md) into a website in target/book/: the chapters in a
              sidebar with your progress, previous and next (also with ← and →), a search over
              every chapter, highlighted code, light and dark themes. It works offline, opened as
              a file. --open opens it in your browser.""",
              false),
          new Command(
              "bench",
              "./verify.sh bench [--mine] [args]",
              "measure the speed-ups with JMH (book/bench.md)",
              """
              Runs the course's benchmarks (bench/run.sh) on the reference solutions, or on your
              code with --mine; other arguments go to bench/run.sh. See book/bench.md.""",
              false),
          new Command(
              "selfcheck",
              "./verify.sh selfcheck [PART...]",
              "test the course itself (what CI runs)",
              """
              Tests the course itself (what CI runs), in seven parts: 1 its structure and format,
              2 every solution passes and 3 every stub fails with Maven, 4 the runner agrees
              with Maven on each, 5 the runner's own tests, 6 every case of the maintainers'
              corpus gets its verdict, 7 the book works in a browser. Ends with "N passed, M
              failed"; exit status non-zero when anything failed. With part numbers, runs only
              those (part 4 reads the reports that parts 2 and 3 left; parts 2 and 3 share one
              Maven run when both run).""",
              false),
          new Command(
              "help",
              "./verify.sh help [CMD]",
              "this list, or more about one command (or: CMD --help)",
              """
              Without a command, lists them all; with one, says more about it. ./verify.sh CMD
              --help says the same.""",
              false),
          new Command(
              "--java-home",
              "./verify.sh --java-home",
              "the JDK 21+ it uses (to give Maven: help --java-home)",
              """
              Prints the JDK 21 or newer that ./verify.sh found (JAVA_HOME, PATH, the usual
              install folders), so that Maven can use it too:
                JAVA_HOME=$(./verify.sh --java-home) ./mvnw -q -pl exercises/03_threads -am test""",
              false),
          new Command(
              "corpus",
              "./verify.sh corpus [NN]",
              "judge the maintainers' corpus (corpus/README.md)",
              """
              For maintainers: judges the maintainers' corpus (corpus/NN_topic/<case>/, see
              corpus/README.md), or exercise NN's cases only: a few cases at a time, each in a
              warm test JVM of its own (replaced after a case that leaves threads behind), and
              each must get the verdict its case.properties gives. Cases marked gap= are wrong solutions the tests do not catch yet: listed,
              not counted.""",
              true),
          new Command(
              "leaks",
              "./verify.sh leaks",
              "runs of a reference solution's code in a chapter, hint or stub",
              """
              For maintainers: lists every run of 24 tokens of a reference solution's code that
              stands in a chapter, a hint or a stub of the same or an earlier exercise (code the
              stub or an earlier solution already gives is not counted). The self-check fails
              while there is one.""",
              true),
          new Command(
              "todos",
              "./verify.sh todos",
              "TODO comments of the stubs broken into fragments",
              """
              For maintainers: lists every line of a stub's TODO comment that is a fragment of a
              sentence (a line of a few words whose sentence goes on below, as a formatter leaves
              a long comment at a deep indent). The self-check fails while there is one.""",
              true),
          new Command(
              "lines",
              "./verify.sh lines",
              "the lines of code a learner adds to each stub: the difficulty curve",
              """
              For maintainers: for each exercise, the lines of code a learner adds to its stub to
              reach the reference solution: code lines only (no blank lines, no comments), in the
              solution's files that the stub holds, less those the stub already has in the same
              order. The last line lists the numbers from 00 on; they should rise steadily.""",
              true),
          new Command(
              "manifest",
              "./verify.sh manifest [--check]",
              "rewrite (or check) the manifests of the tests and stubs",
              """
              For maintainers: rewrites exercises/tests.sha256 and exercises/stubs.sha256 (the
              course's tests and stubs, which the runner compares a learner's files with) after
              you change an exercise. --check only says whether they are up to date.""",
              true));

  private Help() {}

  /** The command of that name ({@code ""} and {@code --recheck} are the plain check). */
  static Optional<Command> command(String name) {
    var key = name.isEmpty() || name.equals("--recheck") ? "check" : name;
    return COMMANDS.stream().filter(command -> command.name().equals(key)).findFirst();
  }

  /** {@code ./verify.sh --help}: every command, learners' first. */
  static void printAll(Ansi ansi, PrintStream out) {
    out.println(ansi.bold("./verify.sh") + ": the course's runner.");
    out.println();
    for (var maintainers : List.of(false, true)) {
      if (maintainers) {
        out.println();
        out.println("For maintainers:");
      }
      for (var command : COMMANDS) {
        if (command.forMaintainers() == maintainers) {
          out.printf("  %-36s %s%n", command.synopsis(), command.summary());
        }
      }
    }
    out.println();
    out.println(
        "Needs a JDK 21+ (found automatically) and, on the very first run, network access to");
    out.println(
        "Maven Central. Your progress is in .course/progress.txt; logs are kept in .course/.");
  }

  /** {@code ./verify.sh help CMD}: the synopsis in bold, then the details, indented. */
  static void print(Command command, Ansi ansi, PrintStream out) {
    out.println(ansi.bold(command.synopsis()));
    command.details().lines().forEach(line -> out.println("  " + line));
  }

  /** The README's table of the learners' commands, in Markdown. */
  static String readmeTable() {
    var table = new StringBuilder("| command | what it does |\n| --- | --- |\n");
    for (var command : COMMANDS) {
      if (!command.forMaintainers()) {
        table.append("| `").append(command.synopsis().replace("|", "\\|")).append("` | ");
        table.append(command.summary().replace("|", "\\|")).append(" |\n");
      }
    }
    return table.toString();
  }

  /**
   * {@code help [CMD]}: says more about one command, or lists them all; exit status 2 for a command
   * that does not exist.
   */
  static int run(List<String> options, Ansi ansi, PrintStream out) {
    if (options.isEmpty()) {
      printAll(ansi, out);
      return 0;
    }
    if (options.getFirst().equals("--markdown")) {
      out.print(readmeTable());
      return 0;
    }
    var command = command(options.getFirst());
    if (command.isEmpty()) {
      out.println(
          ansi.red("✗ ")
              + "Unknown command: "
              + options.getFirst()
              + ". ./verify.sh --help lists the commands.");
      return 2;
    }
    print(command.get(), ansi, out);
    return 0;
  }
}
