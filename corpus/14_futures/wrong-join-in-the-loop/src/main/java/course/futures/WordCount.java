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
    var futures = new ArrayList<CompletableFuture<Long>>();
    for (var source : List.copyOf(sources)) {
      futures.add(CompletableFuture.supplyAsync(() -> readAndCount(source), executor));
    }
    long total = 0;
    for (var future : futures) {
      total += future.join();
    }
    return CompletableFuture.completedFuture(total);
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}

