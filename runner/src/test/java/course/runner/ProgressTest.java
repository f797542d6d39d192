package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner's progress is kept by topic, so that it survives the course renumbering its chapters
 * (the capstone was 11_outro and is 17_outro; the next new chapter will move it again).
 */
class ProgressTest {

  @TempDir Path root;

  private Exercise exercise(String name) {
    return new Exercise(name, root.resolve("exercises").resolve(name), root);
  }

  private void write(String file, String text) throws IOException {
    Files.createDirectories(root.resolve(".course"));
    Files.writeString(root.resolve(".course").resolve(file), text);
  }

  @Test
  void a_pass_recorded_under_an_old_number_still_counts_after_the_chapter_moves()
      throws IOException {
    // What a learner's .course/ held before the capstone moved from 11 to 16.
    write("passed.txt", "03_threads aaa\n11_outro bbb\n");
    write("hints.txt", "outro 2\n");

    var progress = new Progress(new Course(root));

    assertTrue(progress.passedWith(exercise("17_outro"), "bbb"), "11_outro's pass is 17_outro's");
    assertTrue(progress.passedWith(exercise("03_threads"), "aaa"));
    assertEquals(2, progress.hintsSeen(exercise("17_outro")), "hint tiers follow the topic");
    assertFalse(progress.passedBefore(exercise("16_atomics")), "another topic is not done");
  }

  @Test
  void progress_is_written_by_topic_so_any_later_renumbering_keeps_it() throws IOException {
    var progress = new Progress(new Course(root));
    progress.markPassed(exercise("17_outro"), "ccc");
    progress.sawHints(exercise("17_outro"), 3);

    assertEquals("outro ccc\n", Files.readString(root.resolve(".course/passed.txt")));
    var renumbered = new Progress(new Course(root));
    assertTrue(renumbered.passedWith(exercise("17_outro"), "ccc"), "a move to 17 keeps the pass");
    assertEquals(3, renumbered.hintsSeen(exercise("17_outro")), "and the hint tiers seen");

    renumbered.forget(exercise("17_outro"));
    assertFalse(new Progress(new Course(root)).passedBefore(exercise("17_outro")));
  }
}
