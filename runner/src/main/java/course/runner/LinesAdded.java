package course.runner;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code lines} (maintainers): how many lines of code a learner adds to each stub to reach the
 * reference solution, the course's measure of its difficulty curve. Only the solution's files that
 * the stub holds count (a learner edits those); blank lines and comments are left out, and a line
 * the stub already has, in the same order, is not added. The rest of the solution's code lines are:
 * the size of the solution minus the longest run of lines it shares with the stub.
 */
final class LinesAdded {

  private LinesAdded() {}

  /** Prints one line per exercise, {@code NN_topic lines}, and the list of the numbers. */
  static int report(Course course, PrintStream out) {
    var counts = new StringBuilder();
    for (var exercise : course.exercises()) {
      int added = 0;
      for (var stub : AnswerLeaks.javaFiles(exercise.mainSources())) {
        var solution =
            exercise.solutionSources().resolve(exercise.mainSources().relativize(stub).toString());
        if (Files.isRegularFile(solution)) {
          added += added(code(AnswerLeaks.read(stub)), code(AnswerLeaks.read(solution)));
        }
      }
      out.printf("%-20s %4d%n", exercise.name(), added);
      counts.append(counts.isEmpty() ? "" : " ").append(added);
    }
    out.println("lines added, 00 onward: " + counts);
    return 0;
  }

  /** The lines of {@code solution} that are not in the longest common subsequence with the stub. */
  static int added(List<String> stub, List<String> solution) {
    var common = new int[stub.size() + 1][solution.size() + 1];
    for (int i = stub.size() - 1; i >= 0; i--) {
      for (int j = solution.size() - 1; j >= 0; j--) {
        common[i][j] =
            stub.get(i).equals(solution.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    return solution.size() - common[0][0];
  }

  /** The code lines of a source, stripped: no blank lines, no comment lines. */
  static List<String> code(String source) {
    return source
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .filter(line -> !(line.startsWith("//") || line.startsWith("/*") || line.startsWith("*")))
        .toList();
  }
}
