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
    AtomicLong total = new AtomicLong();
    AtomicInteger pending = new AtomicInteger();
    AtomicReference<IOException> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(nThreads)) {
      submit(root, pool, total, pending, failure, done);
      done.await();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    return total.get();
  }

  private static void submit(
      Folder folder,
      ExecutorService pool,
      AtomicLong total,
      AtomicInteger pending,
      AtomicReference<IOException> failure,
      CountDownLatch done) {
    pending.incrementAndGet();
    try {
      pool.execute(
          () -> {
            try {
              var listing = folder.open();
              for (var sub : listing.subfolders()) {
                submit(sub, pool, total, pending, failure, done);
              }
              for (var text : listing.files()) {
                total.addAndGet(Chunks.countWords(text));
              }
            } catch (IOException e) {
              failure.compareAndSet(null, e);
            } finally {
              if (pending.decrementAndGet() == 0) {
                done.countDown();
              }
            }
          });
    } catch (RejectedExecutionException e) {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }
  }
}
