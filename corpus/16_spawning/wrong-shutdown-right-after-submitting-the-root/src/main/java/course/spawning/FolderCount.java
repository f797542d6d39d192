package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException("root");
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads");
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    AtomicLong total = new AtomicLong();
    AtomicReference<IOException> failure = new AtomicReference<>();
    pool.execute(() -> visit(root, pool, total, failure));
    pool.shutdown(); // no more tasks from here...
    pool.awaitTermination(1, TimeUnit.MINUTES);
    if (failure.get() != null) {
      throw failure.get();
    }
    return total.get();
  }

  private static void visit(
      Folder folder, ExecutorService pool, AtomicLong total, AtomicReference<IOException> failure) {
    try {
      var listing = folder.open();
      for (var sub : listing.subfolders()) {
        pool.execute(() -> visit(sub, pool, total, failure));
      }
      for (var text : listing.files()) {
        total.addAndGet(Chunks.countWords(text));
      }
    } catch (IOException e) {
      failure.compareAndSet(null, e);
    }
  }
}
