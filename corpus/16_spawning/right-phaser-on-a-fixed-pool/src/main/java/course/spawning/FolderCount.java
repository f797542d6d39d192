package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException("root is null");
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("need at least one thread");
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    Phaser phaser = new Phaser(1); // me
    AtomicLong total = new AtomicLong();
    AtomicReference<IOException> error = new AtomicReference<>();
    boolean ok = false;
    try {
      submit(pool, phaser, root, total, error);
      int phase = phaser.arriveAndDeregister();
      phaser.awaitAdvanceInterruptibly(phase);
      ok = true;
    } finally {
      if (ok) {
        pool.shutdown();
      } else {
        pool.shutdownNow();
      }
      while (!pool.awaitTermination(10, TimeUnit.SECONDS)) {}
    }
    if (error.get() != null) {
      throw error.get();
    }
    return total.get();
  }

  private static void submit(
      ExecutorService pool,
      Phaser phaser,
      Folder folder,
      AtomicLong total,
      AtomicReference<IOException> error) {
    phaser.register();
    try {
      pool.execute(
          () -> {
            try {
              if (error.get() != null) {
                return;
              }
              var listing = folder.open();
              for (var sub : listing.subfolders()) {
                submit(pool, phaser, sub, total, error);
              }
              for (var file : listing.files()) {
                total.addAndGet(Chunks.countWords(file));
              }
            } catch (IOException e) {
              error.compareAndSet(null, e);
            } finally {
              phaser.arriveAndDeregister();
            }
          });
    } catch (RejectedExecutionException e) {
      phaser.arriveAndDeregister();
    }
  }
}
