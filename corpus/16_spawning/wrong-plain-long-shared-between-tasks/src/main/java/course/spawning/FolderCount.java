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
    var walk = new Walk(Executors.newFixedThreadPool(nThreads));
    try {
      walk.submit(root);
      walk.done.await();
    } finally {
      walk.pool.shutdownNow();
      walk.pool.awaitTermination(1, TimeUnit.MINUTES);
    }
    if (walk.failure.get() != null) {
      throw walk.failure.get();
    }
    return walk.total;
  }

  private static final class Walk {
    final ExecutorService pool;
    final AtomicInteger pending = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);
    final AtomicReference<IOException> failure = new AtomicReference<>();
    long total;

    Walk(ExecutorService pool) {
      this.pool = pool;
    }

    void submit(Folder folder) {
      pending.incrementAndGet();
      try {
        pool.execute(() -> visit(folder));
      } catch (RejectedExecutionException e) {
        finished();
      }
    }

    void visit(Folder folder) {
      try {
        var listing = folder.open();
        for (var sub : listing.subfolders()) {
          submit(sub);
        }
        for (var text : listing.files()) {
          total += Chunks.countWords(text);
        }
      } catch (IOException e) {
        failure.compareAndSet(null, e);
      } finally {
        finished();
      }
    }

    void finished() {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }
  }
}
