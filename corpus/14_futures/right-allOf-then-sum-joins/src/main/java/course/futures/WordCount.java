package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(executor, "executor");
    var all = List.copyOf(sources);
    var counts =
        all.stream()
            .map(source -> CompletableFuture.supplyAsync(() -> readAndCount(source), executor))
            .toList();
    return CompletableFuture.allOf(counts.toArray(CompletableFuture[]::new))
        .thenApply(done -> counts.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static long readAndCount(SlowSource source) {
    try {
      return Chunks.countWords(source.read());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SourceReadException(source, e);
    } catch (RuntimeException e) {
      throw new SourceReadException(source, e);
    }
  }
}
