package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the reference solutions' code where a learner reads before solving: in the book's chapters,
 * the hints and the stubs of the same or an earlier exercise.
 *
 * <p>A leak is a run of {@value #RUN} tokens of a solution's code (comments and layout left out)
 * that stands in one of those texts, and that neither the exercise's stub code nor an earlier
 * exercise's solution already holds: code the learner is given is not a leak.
 */
public final class AnswerLeaks {

  /** How many tokens in a row make a leak: about one line and a half of Java. */
  static final int RUN = 24;

  private static final Pattern TOKEN =
      Pattern.compile(
          "\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'|[\\p{L}_$][\\p{L}\\p{N}_$]*|\\d[\\w.]*"
              + "|::|->|\\+\\+|--|&&|\\|\\||[=!<>+\\-*/%&|^]=|<<|>>|[^\\s\\p{L}\\p{N}_$]");
  private static final Pattern COMMENT = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/");
  private static final Pattern FENCE = Pattern.compile("(?m)^```[^\\n]*\\n(?s:(.*?))^```");
  private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");

  /** One leak: where it stands, whose solution it comes from, and the run itself. */
  public record Leak(String where, String solution, int tokens, String run) {}

  private AnswerLeaks() {}

  /** Every leak of the course at {@code root}, by exercise, in order. */
  public static List<Leak> find(Course course) {
    var leaks = new ArrayList<Leak>();
    var earlierSolutions = new HashSet<String>();
    var readable = new ArrayList<Path>(); // chapters, hints and stubs seen so far
    for (var exercise : course.exercises()) {
      readable.add(exercise.chapter());
      readable.add(exercise.hint());
      var stubFiles = javaFiles(exercise.mainSources());
      readable.addAll(stubFiles);
      var given = new HashSet<>(earlierSolutions);
      for (var stub : stubFiles) {
        given.addAll(runs(tokens(COMMENT.matcher(read(stub)).replaceAll(" "))));
      }
      for (var solution : javaFiles(exercise.solutionSources())) {
        var code = tokens(COMMENT.matcher(read(solution)).replaceAll(" "));
        for (var text : readable) {
          var found = leaked(code, runsOfReadable(text), given);
          if (found > 0) {
            leaks.add(
                new Leak(
                    exercise.relative(text),
                    exercise.relative(solution),
                    found,
                    firstLeak(code, runsOfReadable(text), given)));
          }
        }
        earlierSolutions.addAll(runs(code));
      }
    }
    return leaks;
  }

  /** How many of {@code code}'s tokens lie in a run that {@code text} holds and is not given. */
  private static int leaked(List<String> code, Set<String> text, Set<String> given) {
    var covered = new boolean[code.size()];
    for (int i = 0; i + RUN <= code.size(); i++) {
      var run = String.join(" ", code.subList(i, i + RUN));
      if (text.contains(run) && !given.contains(run)) {
        java.util.Arrays.fill(covered, i, i + RUN, true);
      }
    }
    int count = 0;
    for (var c : covered) {
      count += c ? 1 : 0;
    }
    return count;
  }

  private static String firstLeak(List<String> code, Set<String> text, Set<String> given) {
    for (int i = 0; i + RUN <= code.size(); i++) {
      var run = String.join(" ", code.subList(i, i + RUN));
      if (text.contains(run) && !given.contains(run)) {
        return run;
      }
    }
    return "";
  }

  /** The runs of code a learner reads in a chapter or hint (its code), or a stub (comments). */
  private static Set<String> runsOfReadable(Path file) {
    if (!Files.exists(file)) {
      return Set.of();
    }
    var text = read(file);
    var runs = new HashSet<String>();
    if (file.toString().endsWith(".md")) {
      var fences = FENCE.matcher(text);
      while (fences.find()) {
        runs.addAll(runs(tokens(fences.group(1))));
      }
      var inline = INLINE.matcher(FENCE.matcher(text).replaceAll(" "));
      while (inline.find()) {
        runs.addAll(runs(tokens(inline.group(1))));
      }
    } else {
      var comments = COMMENT.matcher(text);
      while (comments.find()) {
        var comment = comments.group().replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\{@code", " ");
        runs.addAll(runs(tokens(comment.replaceAll("[/*]{2,}|</?\\w+>", " "))));
      }
    }
    return runs;
  }

  static List<String> tokens(String code) {
    var tokens = new ArrayList<String>();
    var matcher = TOKEN.matcher(code);
    while (matcher.find()) {
      tokens.add(matcher.group());
    }
    return tokens;
  }

  private static Set<String> runs(List<String> tokens) {
    var runs = new HashSet<String>();
    for (int i = 0; i + RUN <= tokens.size(); i++) {
      runs.add(String.join(" ", tokens.subList(i, i + RUN)));
    }
    return runs;
  }

  /** The {@code .java} files under {@code folder}, sorted; none when it does not exist. */
  static List<Path> javaFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of {@code file}. */
  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints the leaks, totals by the file they stand in. */
  public static int report(Course course, java.io.PrintStream out) {
    var leaks = find(course);
    var byFile = new TreeMap<String, Integer>();
    for (var leak : leaks) {
      byFile.merge(leak.where(), leak.tokens(), Integer::sum);
      out.println(
          "%s holds %d tokens of %s, e.g.: %s"
              .formatted(leak.where(), leak.tokens(), leak.solution(), leak.run()));
    }
    if (leaks.isEmpty()) {
      out.println(
          "No chapter, hint or stub holds a run of %d tokens of a reference solution's code."
              .formatted(RUN));
      return 0;
    }
    out.println(
        "%d solution tokens in %d files: teach the idea on other code, or say it in words."
            .formatted(byFile.values().stream().mapToInt(Integer::intValue).sum(), byFile.size()));
    return 1;
  }
}
