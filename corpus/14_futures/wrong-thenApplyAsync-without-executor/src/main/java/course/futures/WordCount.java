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
    var futures =
        List.copyOf(sources).stream()
            .map(
                source ->
                    CompletableFuture.supplyAsync(() -> read(source), executor)
                        .thenApplyAsync(Chunks::countWords))
            .toList();
    return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
        .thenApply(v -> futures.stream().mapToLong(CompletableFuture::join).sum());
  }

  private static String read(SlowSource source) {
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

