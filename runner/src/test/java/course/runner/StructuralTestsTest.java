package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test JVM loads ArchUnit once and keeps it (TestRun): the exercises' structural tests must
 * import the learner's classes afresh on every run, or a verdict would be about code as it was
 * before the last save.
 */
class StructuralTestsTest {

  @Test
  void every_structural_test_finds_the_exercise_classes_and_keeps_no_cache() throws IOException {
    var found = 0;
    for (var file : Fingerprint.filesUnder(List.of(ScratchCourse.SOURCE.resolve("exercises")))) {
      if (!file.toString().endsWith(".java") || !file.toString().contains("/src/test/")) {
        continue;
      }
      var source = Files.readString(file);
      if (!source.contains("@AnalyzeClasses(")) {
        continue;
      }
      found++;
      assertTrue(
          source.contains("locations = ExerciseClasses.class"),
          file
              + ": @AnalyzeClasses(packages = ...) reads every jar of the classpath on each run;"
              + " use locations = ExerciseClasses.class");
      assertTrue(
          source.contains("cacheMode = CacheMode.PER_CLASS"),
          file
              + ": without cacheMode = CacheMode.PER_CLASS, ArchUnit would keep the classes it"
              + " imported for the next run, in the runner's warm test JVM");
    }
    assertTrue(found > 0, "no @AnalyzeClasses test found under exercises/");
  }

  @Test
  void a_structural_verdict_follows_an_edit_in_the_same_test_jvm() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.solve("07");
      var checker = new Checker(copy.course(), new Progress(copy.course()), true);
      var exercise = copy.exercise("07");
      assertTrue(checker.check(exercise).done(), "07's reference solution passes");

      var rectangle = exercise.mainSources().resolve("course/immutable/Rectangle.java");
      var solved = Files.readString(rectangle);
      int end = solved.lastIndexOf('}');
      Files.writeString(rectangle, solved.substring(0, end) + "  public void setNothing() {}\n}\n");
      var verdict = checker.check(exercise);
      assertFalse(verdict.done(), "a setter added to the solved Rectangle must fail 07");
      var failures = ((Verdict.Failed) verdict).outcome().failures();
      assertEquals(
          List.of("RectangleShapeTest: rectangle has no setters"),
          failures.stream().map(TestRun.Failure::test).toList(),
          "only the structural rule about setters fails");
    }
  }
}
