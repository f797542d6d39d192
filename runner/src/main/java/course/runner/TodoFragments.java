package course.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code todos} (self-check): every TODO of a stub reads as one instruction. A formatter that wraps
 * a long comment at a deep indent leaves fragments behind, a line of two or three words whose
 * sentence goes on in the next line ("// threads wait" / "// for it: one chunk at a time"); a
 * learner reads them as separate, broken notes. Wrap such comments by hand, with short lines.
 */
public final class TodoFragments {

  /** A line of a TODO comment that holds a piece of a sentence. */
  public record Fragment(Path file, int line, String text) {}

  /** A line of at most this many words, whose sentence goes on below, is a fragment. */
  static final int MOST_WORDS = 4;

  private TodoFragments() {}

  /** The fragments in every stub of {@code course}. */
  public static List<Fragment> find(Course course) {
    var found = new ArrayList<Fragment>();
    for (var exercise : course.exercises()) {
      for (var file : AnswerLeaks.javaFiles(exercise.mainSources())) {
        found.addAll(in(file, AnswerLeaks.read(file)));
      }
    }
    return found;
  }

  /** The fragments in one file's text. */
  static List<Fragment> in(Path file, String source) {
    var lines = source.lines().toList();
    var found = new ArrayList<Fragment>();
    int i = 0;
    while (i < lines.size()) {
      if (!comment(lines.get(i)).contains("TODO")) {
        i++;
        continue;
      }
      int end = i;
      while (end + 1 < lines.size() && lines.get(end + 1).strip().startsWith("//")) {
        end++;
      }
      for (int k = i; k < end; k++) {
        var text = comment(lines.get(k));
        var next = comment(lines.get(k + 1));
        boolean shortLine = text.split("\\s+").length <= MOST_WORDS;
        boolean goesOn = !next.isEmpty() && Character.isLowerCase(next.charAt(0));
        if (shortLine && goesOn && !text.isEmpty()) {
          found.add(new Fragment(file, k + 1, text));
        }
      }
      i = end + 1;
    }
    return found;
  }

  /** Prints the fragments; 0 when there are none. */
  public static int report(Course course, PrintStream out) {
    var found = find(course);
    for (var fragment : found) {
      out.println(
          "%s:%d: a TODO broken into fragments: \"%s\""
              .formatted(
                  course.root().relativize(fragment.file()), fragment.line(), fragment.text()));
    }
    out.println(
        found.isEmpty()
            ? "Every TODO of the stubs reads as one instruction."
            : found.size() + " fragment(s): wrap those comments by hand, in short whole lines.");
    return found.isEmpty() ? 0 : 1;
  }

  private static String comment(String line) {
    var strip = line.strip();
    return strip.startsWith("//") ? strip.substring(2).strip() : "";
  }
}
