package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    var results = new GuardedList<Long>(); // shared by every thread: touch it only with the lock
    var total = new AtomicLong();
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () -> {
                    long words = Chunks.countWords(chunk);
                    GlobalLock.attach(() -> total.addAndGet(words));
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> total.get() + results.size());
  }
}
