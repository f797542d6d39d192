package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException();
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException();
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      return pool.submit(() -> countTree(root, pool)).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException(e.getCause());
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static long countTree(Folder folder, ExecutorService pool) throws Exception {
    var listing = folder.open();
    List<Future<Long>> subs = new ArrayList<>();
    for (var sub : listing.subfolders()) {
      subs.add(pool.submit(() -> countTree(sub, pool)));
    }
    long words = 0;
    for (var text : listing.files()) {
      words += Chunks.countWords(text);
    }
    for (var f : subs) {
      words += f.get();
    }
    return words;
  }
}
