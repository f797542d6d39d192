package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
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
    var threads = new ArrayList<Thread>(chunks.size());
    for (var chunk : chunks) {
      var counter = new Counter(chunk, results);
      threads.add(counter);
    }
    for (var thread : threads) {
      thread.start();
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}

final class Counter extends Thread {
  private final String chunk;
  private final GuardedList<Long> results;

  Counter(String chunk, GuardedList<Long> results) {
    this.chunk = chunk;
    this.results = results;
  }

  @Override
  public void run() {
    long words = Chunks.countWords(chunk);
    GlobalLock.attach(() -> results.add(words));
  }
}
