package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help text is written once, in {@link Help}: the README and every command agree with it. */
class HelpTest {

  private static final Path ROOT =
      Path.of(System.getProperty("course.source", "..")).toAbsolutePath().normalize();

  @Test
  void the_readme_lists_the_commands_as_the_help_does() throws Exception {
    var readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(
        readme.contains(Help.readmeTable()),
        "README.md's table of commands is not the one course.runner.Help gives. Paste the output"
            + " of ./verify.sh help --markdown into README.md in its place:\n"
            + Help.readmeTable());
  }

  @Test
  void every_command_of_the_runner_has_its_help() throws Exception {
    for (var name :
        List.of(
            "check",
            "watch",
            "list",
            "hint",
            "reset",
            "book",
            "manifest",
            "corpus",
            "leaks",
            "todos",
            "help",
            "bench",
            "selfcheck",
            "--java-home")) {
      var out = run(name, "--help");
      assertEquals(0, out.status(), name + " --help");
      assertTrue(
          out.text().startsWith(Help.command(name).orElseThrow().synopsis()),
          name + " --help begins with its synopsis, got: " + out.text());
    }
  }

  @Test
  void help_names_an_unknown_command_and_says_where_the_list_is() throws Exception {
    var out = run("help", "frobnicate");
    assertEquals(2, out.status());
    assertTrue(out.text().contains("Unknown command: frobnicate"), out.text());
    assertTrue(out.text().contains("./verify.sh --help"), out.text());
  }

  @Test
  void the_list_of_commands_shows_each_command_once() throws Exception {
    var out = run("--help");
    for (var command : Help.COMMANDS) {
      assertEquals(
          1,
          out.text()
              .lines()
              .filter(line -> line.startsWith("  " + command.synopsis() + " "))
              .count(),
          command.synopsis() + " in:\n" + out.text());
    }
  }

  private record Output(int status, String text) {}

  private static Output run(String... args) throws Exception {
    var bytes = new ByteArrayOutputStream();
    var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = Main.run(List.of(args), out);
    return new Output(status, bytes.toString(StandardCharsets.UTF_8));
  }
}
