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
      threads.add(Thread.ofPlatform().name("word-counter-", i).start(() -> countChunks(work, results)));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }

  private static void countChunks(GuardedList<String> work, GuardedList<Long> results) {
    long[] done = {-1}; // the count to hand in, or -1 before the first chunk
    while (true) {
      String chunk =
          GlobalLock.attach(
              () -> {
                if (done[0] >= 0) {
                  results.add(done[0]);
                }
                return work.isEmpty() ? null : work.removeLast();
              });
      if (chunk == null) {
        return;
      }
      done[0] = Chunks.countWords(chunk);
    }
  }
}
