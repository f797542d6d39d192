package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Exercise 16: tasks that spawn tasks. */
public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    Objects.requireNonNull(root, "root must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, was " + nThreads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    boolean interrupted = false;
    try {
      CompletableFuture<Long> top =
          CompletableFuture.supplyAsync(() -> open(root), pool).thenCompose(FolderCount::sum);
      return top.get();
    } catch (InterruptedException e) {
      interrupted = true;
      throw e;
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } finally {
      if (interrupted) {
        pool.shutdownNow();
      } else {
        pool.shutdown();
      }
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // wait until every worker has ended
      }
    }
  }

  /** The future of a folder's words: opened asynchronously, then combined with its subfolders. */
  private static CompletableFuture<Long> visit(Folder folder) {
    return CompletableFuture.supplyAsync(() -> open(folder)).thenCompose(FolderCount::sum);
  }

  /** Adds the files of a listing to the futures of its subfolders, without blocking. */
  private static CompletableFuture<Long> sum(Folder.Listing listing) {
    long own = 0;
    for (var text : listing.files()) {
      own += Chunks.countWords(text);
    }
    var children = listing.subfolders().stream().map(FolderCount::visit).toList();
    long mine = own;
    return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              long total = mine;
              for (var child : children) {
                total += child.join();
              }
              return total;
            });
  }

  private static Folder.Listing open(Folder folder) {
    try {
      return folder.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IOException unwrap(Throwable t) {
    while (t instanceof CompletionException || t instanceof ExecutionException) {
      t = t.getCause();
    }
    if (t instanceof UncheckedIOException u) {
      return u.getCause();
    }
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IOException(t);
  }
}
