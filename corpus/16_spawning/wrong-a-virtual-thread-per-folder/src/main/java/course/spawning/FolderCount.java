package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
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
    var total = new AtomicLong();
    var failure = new AtomicReference<IOException>();
    var phaser = new Phaser(1);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      try {
        spawn(root, threads, phaser, total, failure);
        phaser.awaitAdvanceInterruptibly(phaser.arriveAndDeregister());
      } catch (InterruptedException e) {
        threads.shutdownNow();
        throw e;
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return total.get();
  }

  private static void spawn(
      Folder folder,
      ExecutorService threads,
      Phaser phaser,
      AtomicLong total,
      AtomicReference<IOException> failure) {
    phaser.register();
    threads.execute(
        () -> {
          try {
            var listing = folder.open();
            for (var sub : listing.subfolders()) {
              spawn(sub, threads, phaser, total, failure);
            }
            for (var text : listing.files()) {
              total.addAndGet(Chunks.countWords(text));
            }
          } catch (IOException e) {
            failure.compareAndSet(null, e);
          } finally {
            phaser.arriveAndDeregister();
          }
        });
  }
}
