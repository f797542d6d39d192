package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException("root");
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads");
    }
    return walk(root);
  }

  private static long walk(Folder folder) throws IOException {
    var listing = folder.open();
    long words = 0;
    for (var text : listing.files()) {
      words += Chunks.countWords(text);
    }
    for (var sub : listing.subfolders()) {
      words += walk(sub);
    }
    return words;
  }
}
