package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    AtomicInteger pending = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(1);
    try {
      submit(root, pool, total, pending, done);
      done.await();
      return total.get();
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static void submit(
      Folder folder,
      ExecutorService pool,
      AtomicLong total,
      AtomicInteger pending,
      CountDownLatch done) {
    pending.incrementAndGet();
    try {
      pool.execute(
          () -> {
            try {
              var listing = folder.open();
              for (var sub : listing.subfolders()) {
                submit(sub, pool, total, pending, done);
              }
              for (var text : listing.files()) {
                total.addAndGet(Chunks.countWords(text));
              }
            } catch (IOException e) {
              System.err.println("cannot open " + folder.name() + ": " + e.getMessage());
            } finally {
              if (pending.decrementAndGet() == 0) {
                done.countDown();
              }
            }
          });
    } catch (RejectedExecutionException e) {
      pending.decrementAndGet();
    }
  }
}
