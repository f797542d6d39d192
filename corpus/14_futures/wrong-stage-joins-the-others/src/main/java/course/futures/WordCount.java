package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(executor);
    var all = List.copyOf(sources);
    if (all.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    var futures =
        all.stream()
            .map(source -> CompletableFuture.supplyAsync(() -> readAndCount(source), executor))
            .toList();
    var rest = futures.subList(1, futures.size());
    return futures
        .get(0)
        .thenApply(first -> first + rest.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}

