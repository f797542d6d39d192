package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Objects;

/** Exercise 04: the global lock problem. */
public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    var work = new GuardedList<String>(chunks); // chunks not yet taken: shared, lock only
    var results = new GuardedList<Long>(); // one count per chunk: shared, lock only
    var threads = new ArrayList<Thread>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      threads.add(new Worker(work, results));
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

final class Worker extends Thread {
  private final GuardedList<String> work;
  private final GuardedList<Long> results;

  Worker(GuardedList<String> work, GuardedList<Long> results) {
    this.work = work;
    this.results = results;
  }

  private String take() {
    return GlobalLock.attach(() -> work.isEmpty() ? null : work.removeLast());
  }

  @Override
  public void run() {
    for (String chunk = take(); chunk != null; chunk = take()) {
      long words = Chunks.countWords(chunk);
      GlobalLock.attach(() -> results.add(words));
    }
  }
}
