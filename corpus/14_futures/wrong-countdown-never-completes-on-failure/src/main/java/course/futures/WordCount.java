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
    Objects.requireNonNull(executor);
    var all = List.copyOf(sources);
    var result = new CompletableFuture<Long>();
    if (all.isEmpty()) {
      result.complete(0L);
      return result;
    }
    var total = new AtomicLong();
    var left = new AtomicInteger(all.size());
    for (var source : all) {
      CompletableFuture.supplyAsync(() -> readAndCount(source), executor)
          .thenAccept(
              count -> {
                total.addAndGet(count);
                if (left.decrementAndGet() == 0) {
                  result.complete(total.get());
                }
              });
    }
    return result;
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException | RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}

