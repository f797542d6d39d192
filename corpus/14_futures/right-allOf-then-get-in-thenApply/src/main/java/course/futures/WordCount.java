package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(executor);
    List<SlowSource> copy = List.copyOf(sources);
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    for (SlowSource source : copy) {
      futures.add(
          CompletableFuture.supplyAsync(() -> read(source), executor)
              .thenApplyAsync(Chunks::countWords, executor));
    }
    return CompletableFuture.allOf(futures.toArray(new CompletableFuture[0]))
        .thenApply(
            v -> {
              long total = 0;
              for (CompletableFuture<Long> future : futures) {
                try {
                  total += future.get();
                } catch (InterruptedException | ExecutionException e) {
                  throw new CompletionException(e);
                }
              }
              return total;
            });
  }

  private static String read(SlowSource source) {
    try {
      return source.read();
    } catch (Exception e) {
      throw new SourceReadException(source, e);
    }
  }
}
