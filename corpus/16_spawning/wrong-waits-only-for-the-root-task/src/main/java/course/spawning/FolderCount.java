package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException();
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("at least one thread");
    }
    var total = new AtomicLong();
    try (ExecutorService pool = Executors.newFixedThreadPool(nThreads)) {
      var first = pool.submit(() -> visit(root, pool, total));
      first.get(); // the root is done
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
    return total.get();
  }

  private static Void visit(Folder folder, ExecutorService pool, AtomicLong total)
      throws IOException {
    var listing = folder.open();
    for (var sub : listing.subfolders()) {
      pool.submit(() -> visit(sub, pool, total));
    }
    for (var text : listing.files()) {
      total.addAndGet(Chunks.countWords(text));
    }
    return null;
  }
}
