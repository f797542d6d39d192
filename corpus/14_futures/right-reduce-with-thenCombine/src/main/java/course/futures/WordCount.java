package course.futures;

import course.support.Chunks;
import course.support.SlowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

public final class WordCount {

  private WordCount() {}

  public static CompletableFuture<Long> countAll(List<SlowSource> sources, Executor executor) {
    if (sources == null || executor == null) {
      throw new NullPointerException("sources and executor must not be null");
    }
    for (SlowSource source : sources) {
      if (source == null) {
        throw new NullPointerException("sources must not hold null");
      }
    }
    CompletableFuture<Long> total = CompletableFuture.completedFuture(0L);
    for (SlowSource source : new ArrayList<>(sources)) {
      CompletableFuture<Long> one =
          CompletableFuture.supplyAsync(
              () -> {
                String text;
                try {
                  text = source.read();
                } catch (Exception e) {
                  throw new SourceReadException(source, e);
                }
                return Chunks.countWords(text);
              },
              executor);
      total = total.thenCombine(one, Long::sum);
    }
    return total;
  }
}
