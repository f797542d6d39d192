package course.runner;

import course.runner.site.BookCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runner's entry point. {@code verify.sh} finds the JDK, builds this runner, then starts it
 * with the course's root and a command; every command but {@code help} first makes sure that Maven
 * has said which libraries each exercise tests with ({@link Setup}):
 *
 * <pre>
 *   check | watch | list | hint | reset | book | help | manifest | corpus | leaks | todos
 *   | lines | selfcheck
 * </pre>
 *
 * <p>What each one does, and its options, is written once, in {@link Help}.
 *
 * <p>Exit status: 0 done (or the command worked), 1 not done yet, 2 a problem to fix first.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.exit(run(List.of(args), out));
  }

  static int run(List<String> args, PrintStream out) throws Exception {
    var course =
        new Course(Path.of(System.getProperty("course.root", ".")).toAbsolutePath().normalize());
    var ansi = Ansi.fromEnvironment();
    var command = args.isEmpty() ? "check" : args.getFirst();
    var options =
        new ArrayList<>(args.isEmpty() ? List.<String>of() : args.subList(1, args.size()));
    if (command.equals("--help") || command.equals("-h")) {
      Help.printAll(ansi, out);
      return 0;
    }
    if (options.contains("--help") || options.contains("-h")) { // every command takes --help
      Help.command(command)
          .ifPresentOrElse(known -> Help.print(known, ansi, out), () -> Help.printAll(ansi, out));
      return 0;
    }
    var recheck = options.remove("--recheck");
    var testsOnly = options.remove("--tests");
    var all = command.equals("hint") && options.remove("--all"); // reset takes --all too
    var commands = new Commands(course, ansi, out);
    try {
      if (!command.equals("help")) {
        int ready = new Setup(course, ansi, out).prepare();
        if (ready != 0) {
          return ready;
        }
      }
      return switch (command) {
        case "check" -> only(options, 0, out) ? check(course, recheck, ansi, out) : 2;
        case "watch" ->
            only(options, 0, out) ? new Watch(course, recheck, ansi, out).run(System.in) : 2;
        case "list" -> only(options, 0, out) ? commands.list() : 2;
        case "hint" ->
            only(options, 1, out)
                ? commands.hint(options.isEmpty() ? null : options.getFirst(), all)
                : 2;
        case "reset" -> {
          if (options.size() != 1) {
            out.println(
                "Say which exercise to reset: ./verify.sh reset 03, or ./verify.sh reset --all.");
            yield 2;
          }
          yield commands.reset(options.getFirst(), testsOnly);
        }
        case "manifest" -> commands.manifest(options.remove("--check"));
        case "book" ->
            only(options, 1, out)
                ? BookCommand.run(course, ansi, out, options.remove("--open"))
                : 2;
        case "help" -> Help.run(options, ansi, out);
        case "selfcheck" -> new SelfCheck(course, ansi, out).run(options);
        case "leaks" -> AnswerLeaks.report(course, out);
        case "todos" -> TodoFragments.report(course, out);
        case "lines" -> LinesAdded.report(course, out);
        case "corpus" ->
            only(options, 1, out)
                ? new CorpusJudge(course, out).run(options.isEmpty() ? null : options.getFirst())
                : 2;
        default -> {
          out.println("Unknown command: " + command + ". ./verify.sh --help lists the commands.");
          yield 2;
        }
      };
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      var log = course.state().resolve("runner-error.txt");
      var trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      FileOperations.write(log, trace.toString());
      out.println(ansi.red("✗ ") + "The runner could not go on: " + e.getMessage());
      out.println(
          "  Details: "
              + course.root().relativize(log)
              + ". Deleting .course/ and running "
              + "./verify.sh again starts afresh (your progress is kept in the exercises).");
      return 2;
    } catch (Maven.Stopped e) {
      out.println(ansi.red("✗ ") + e.getMessage());
      return 2;
    } catch (Checker.SupportBroken e) {
      var error = e.error();
      out.println(
          ansi.red("✗ ")
              + "The course's support code does not compile: "
              + (error.file() == null
                  ? ""
                  : course.root().relativize(error.file()) + ":" + error.line() + ": ")
              + error.summary());
      out.println("  Did you edit support/? Restore it with: git checkout -- support");
      return 2;
    }
  }

  private static int check(Course course, boolean recheck, Ansi ansi, PrintStream out) {
    var session = new Session(course, recheck, ansi);
    var pass = session.pass();
    session.print(pass, out);
    return pass.finished() ? 0 : 1;
  }

  /** Whether at most {@code max} arguments are left; if not, says which one is not understood. */
  private static boolean only(List<String> options, int max, PrintStream out) {
    if (options.size() <= max) {
      return true;
    }
    out.println(
        "Not understood: "
            + String.join(" ", options.subList(max, options.size()))
            + ". ./verify.sh --help lists the commands and their options.");
    return false;
  }
}
