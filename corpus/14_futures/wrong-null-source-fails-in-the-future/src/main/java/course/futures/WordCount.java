package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(executor, "executor");
    var futures = new ArrayList<CompletableFuture<Long>>();
    for (var source : sources) {
      futures.add(CompletableFuture.supplyAsync(() -> Chunks.countWords(readOf(source)), executor));
    }
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static String readOf(SlowSource source) {
    try {
      return source.read();
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}

