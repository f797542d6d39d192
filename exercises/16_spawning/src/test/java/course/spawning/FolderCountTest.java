package course.spawning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.support.Folder;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeftovers.class)
class FolderCountTest {

  private record Plain(String name, List<Folder> subfolders, List<String> files) implements Folder {
    @Override
    public Listing open() {
      return new Listing(subfolders, files);
    }
  }

  @Test
  void counts_the_words_of_a_small_tree() {
    var leaf = new Plain("b", List.of(), List.of("three more words"));
    var root = new Plain("a", List.of(leaf), List.of("two words"));
    long words =
        Deadline.call(
            () -> FolderCount.count(root, 2), "FolderCount.count(root, 2)", "Check it ends.");
    assertEquals(5, words, "count(root, 2) returned the wrong number of words.");
  }
}
