package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.Guarded;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    var results = new GuardedList<Long>(); // shared by every thread: touch it only with the lock
    var total = Guarded.of(0L);
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () -> {
                    long words = Chunks.countWords(chunk);
                    GlobalLock.attach(() -> total.set(total.get() + words));
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(
        () -> {
          results.add(total.get()); // one number for the list, as it wants
          return results.stream().mapToLong(Long::longValue).sum();
        });
  }
}
