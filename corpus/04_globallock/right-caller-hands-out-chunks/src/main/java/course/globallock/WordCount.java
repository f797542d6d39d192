package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.List;
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
    List<String> mine =
        GlobalLock.attach(
            () -> {
              var taken = List.copyOf(work);
              work.clear();
              return taken;
            });
    var threads = new ArrayList<Thread>(mine.size());
    for (var chunk : mine) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", threads.size())
              .start(
                  () -> {
                    long words = Chunks.countWords(chunk);
                    GlobalLock.attach(() -> results.add(words));
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> results.stream().mapToLong(Long::longValue).sum());
  }
}
