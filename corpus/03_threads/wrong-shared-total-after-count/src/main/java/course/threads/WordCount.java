package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

public final class WordCount {
  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text");
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be at least 1");
    var chunks = Chunks.split(text, nThreads);
    long[] total = {0};
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    long n = Chunks.countWords(chunk);
                    total[0] += n;
                  }));
    }
    for (var t : threads) t.join();
    return total[0];
  }
}
