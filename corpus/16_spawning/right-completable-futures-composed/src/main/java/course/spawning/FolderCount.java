package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    java.util.Objects.requireNonNull(root);
    if (nThreads <= 0) {
      throw new IllegalArgumentException("nThreads: " + nThreads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      return countFolder(root, pool).get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException || cause instanceof UncheckedIOException) {
        cause = cause.getCause();
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException("counting failed", cause);
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private static CompletableFuture<Long> countFolder(Folder folder, ExecutorService pool) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return folder.open();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            pool)
        .thenCompose(
            listing -> {
              long here = 0;
              for (String text : listing.files()) {
                here += Chunks.countWords(text);
              }
              List<CompletableFuture<Long>> subs = new ArrayList<>();
              for (Folder sub : listing.subfolders()) {
                subs.add(countFolder(sub, pool));
              }
              long mine = here;
              return CompletableFuture.allOf(subs.toArray(new CompletableFuture[0]))
                  .thenApply(
                      ignored -> mine + subs.stream().mapToLong(CompletableFuture::join).sum());
            });
  }
}
