package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    Objects.requireNonNull(sources, "sources");
    Objects.requireNonNull(executor, "executor");
    sources.forEach(source -> Objects.requireNonNull(source, "a source is null"));
    var chains = sources.stream().map(source -> countOne(source, executor)).toList();
    return CompletableFuture.allOf(chains.toArray(new CompletableFuture<?>[0]))
        .thenApply(
            ignored -> {
              long sum = 0;
              for (var chain : chains) {
                sum += chain.join();
              }
              return sum;
            });
  }

  private static CompletableFuture<Long> countOne(SlowSource source, Executor executor) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return source.read();
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            },
            executor)
        .handle(
            (text, failure) -> {
              if (failure != null) {
                throw new SourceReadException(source, failure);
              }
              return text;
            })
        .thenCompose(text -> CompletableFuture.supplyAsync(() -> Chunks.countWords(text), executor));
  }
}
