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

/** Exercise 16, the reference answer: a folder tree counted by tasks that spawn tasks. */
public final class FolderCount {

  private FolderCount() {}

  /**
   * Counts the words in every file of {@code root} and of every folder below it. See the exercise's
   * Javadoc for the whole contract.
   */
  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    Objects.requireNonNull(root, "root must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var pool = Executors.newFixedThreadPool(nThreads);
    var walk = new Walk(pool);
    boolean finished = false;
    try {
      walk.spawn(root);
      walk.done.await(); // interruptible: an interrupt goes straight to the finally
      finished = true;
    } finally {
      // Every path: after a normal end nothing runs any more; after an interrupt, stop the
      // workers (shutdownNow interrupts them and drops the queued tasks). Then wait for them.
      if (finished) {
        pool.shutdown();
      } else {
        pool.shutdownNow();
      }
      awaitUninterruptibly(pool);
    }
    return walk.result();
  }

  /** The state of one call: shared by its tasks, never by two calls. */
  private static final class Walk {
    private final ExecutorService pool;
    private final LongAdder words = new LongAdder();

    /** Tasks submitted and not finished. It only reaches 0 once the last task has ended. */
    private final AtomicInteger pending = new AtomicInteger();

    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Walk(ExecutorService pool) {
      this.pool = pool;
    }

    /** Hands {@code folder} to a worker. Counts it as pending before the task can run. */
    void spawn(Folder folder) {
      pending.incrementAndGet();
      try {
        pool.execute(() -> visit(folder));
      } catch (RejectedExecutionException stopping) {
        // Only after an interrupt: the caller is leaving already, and nobody waits on the count.
        finish();
      }
    }

    private void visit(Folder folder) {
      try {
        if (failure.get() == null) { // after a failure, the rest of the tree is not opened
          var listing = folder.open();
          // Children first, so that they start while this worker counts the files.
          for (var sub : listing.subfolders()) {
            spawn(sub);
          }
          for (var text : listing.files()) {
            words.add(Chunks.countWords(text));
          }
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      } finally {
        finish(); // after the children were counted in, so pending cannot touch 0 too early
      }
    }

    private void finish() {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }

    /** The total, or the first failure of any task. */
    long result() throws IOException {
      var thrown = failure.get();
      if (thrown instanceof IOException e) {
        throw e;
      }
      if (thrown instanceof RuntimeException e) {
        throw e;
      }
      if (thrown instanceof Error e) {
        throw e;
      }
      return words.sum();
    }
  }

  /**
   * Waits until every worker of {@code pool} has ended. An interrupt during this wait does not cut
   * it short (the workers are stopping already); it is kept in the thread's interrupt status.
   */
  private static void awaitUninterruptibly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
