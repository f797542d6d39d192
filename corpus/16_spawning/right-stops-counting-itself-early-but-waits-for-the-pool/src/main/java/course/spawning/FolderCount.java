package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Exercise 16: tasks that spawn tasks. */
public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    Objects.requireNonNull(root, "root must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, was " + nThreads);
    }
    var walk = new Walk(Executors.newFixedThreadPool(nThreads));
    boolean interrupted = false;
    try {
      walk.submit(root);
      walk.done.await();
    } catch (InterruptedException e) {
      interrupted = true;
      throw e;
    } finally {
      if (interrupted) {
        walk.pool.shutdownNow();
      } else {
        walk.pool.shutdown();
      }
      while (!walk.pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // keep waiting until every worker has ended
      }
    }
    IOException failure = walk.failure.get();
    if (failure != null) {
      throw failure;
    }
    return walk.total.sum();
  }

  private static final class Walk {
    final ExecutorService pool;
    final AtomicInteger pending = new AtomicInteger();
    final LongAdder total = new LongAdder();
    final AtomicReference<IOException> failure = new AtomicReference<>();
    final CountDownLatch done = new CountDownLatch(1);

    Walk(ExecutorService pool) {
      this.pool = pool;
    }

    void submit(Folder folder) {
      pending.incrementAndGet();
      try {
        pool.execute(() -> visit(folder));
      } catch (RejectedExecutionException e) {
        finish();
      }
    }

    void visit(Folder folder) {
      try {
        if (failure.get() != null) {
          finish();
          return;
        }
        var listing = folder.open();
        for (var sub : listing.subfolders()) {
          submit(sub);
        }
        // the children are counted, so this folder is done: the count cannot reach zero early
        finish();
        for (var text : listing.files()) {
          total.add(Chunks.countWords(text));
        }
      } catch (IOException e) {
        failure.compareAndSet(null, e);
        finish();
      }
    }

    void finish() {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }
  }
}
