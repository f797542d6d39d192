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
    return CompletableFuture.supplyAsync(
        () -> {
          long total = 0;
          for (var source : all) {
            total += readAndCount(source);
          }
          return total;
        },
        executor);
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}

