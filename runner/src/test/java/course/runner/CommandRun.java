package course.runner;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command that ran to its end in a scratch copy ({@link ScratchCourse#verify}): its exit status
 * and its output (stdout and stderr, as a learner sees them in a pipe). The assertions fail with
 * what was expected, what came, and the output itself.
 */
record CommandRun(String command, int status, String output) {

  /** Outputs longer than this are shown by their beginning and their end. */
  private static final int SHOWN_CHARS = 6000;

  CommandRun assertStatus(int expected) {
    if (status != expected) {
      fail("exit status " + expected, "exit status " + status);
    }
    return this;
  }

  /** Every text given, literally, somewhere in the output. */
  CommandRun assertShows(String... texts) {
    var missing = Arrays.stream(texts).filter(text -> !output.contains(text)).toList();
    if (!missing.isEmpty()) {
      fail("an output with " + quoted(missing), "an output without " + quoted(missing));
    }
    return this;
  }

  /** None of the texts given anywhere in the output. */
  CommandRun assertDoesNotShow(String... texts) {
    var present = Arrays.stream(texts).filter(output::contains).toList();
    if (!present.isEmpty()) {
      fail("an output without " + quoted(present), "an output with " + quoted(present));
    }
    return this;
  }

  /** A line of the output, or a part of one, that {@code regex} matches. */
  CommandRun assertShowsMatch(String regex) {
    if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(output).find()) {
      fail("an output matching /" + regex + "/", "none");
    }
    return this;
  }

  /** No line of the output, nor part of one, that {@code regex} matches. */
  CommandRun assertDoesNotShowMatch(String regex) {
    var matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
    if (matcher.find()) {
      fail("an output without a match of /" + regex + "/", "\"" + matcher.group() + "\"");
    }
    return this;
  }

  CommandRun assertAtMostLines(int most) {
    long lines = output.lines().count();
    if (lines > most) {
      fail("at most " + most + " lines", lines + " lines");
    }
    return this;
  }

  /** The command, its exit status and its output, for the message of a check made apart. */
  String describe() {
    return command + " (exit status " + status + ") said:\n" + shown(output);
  }

  /** Fails with what the check expected and what it got, and the command's output. */
  void fail(String expected, String got) {
    throw new AssertionError(
        command + ": expected " + expected + "; got " + got + ". Its output:\n" + shown(output));
  }

  /** The output, or its beginning and end when it is long, so that a failure stays readable. */
  static String shown(String output) {
    if (output.length() <= SHOWN_CHARS) {
      return output;
    }
    int head = SHOWN_CHARS / 3;
    int tail = SHOWN_CHARS - head;
    return output.substring(0, head)
        + "\n[… "
        + (output.length() - SHOWN_CHARS)
        + " characters left out …]\n"
        + output.substring(output.length() - tail);
  }

  private static String quoted(List<String> texts) {
    return texts.stream().map(text -> "\"" + text + "\"").toList().toString();
  }
}
