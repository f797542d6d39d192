package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.Collections;
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
    var slots = new GuardedList<Long>(Collections.nCopies(chunks.size(), 0L));
    var threads = new ArrayList<Thread>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", i)
              .start(
                  () -> {
                    while (true) {
                      Taken taken =
                          GlobalLock.attach(
                              () -> {
                                if (work.isEmpty()) {
                                  return null;
                                }
                                int slot = work.size() - 1;
                                return new Taken(slot, work.remove(slot));
                              });
                      if (taken == null) {
                        return;
                      }
                      long words = Chunks.countWords(taken.chunk());
                      GlobalLock.attach(() -> slots.set(taken.slot(), words));
                    }
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(() -> slots.stream().mapToLong(Long::longValue).sum());
  }

  private record Taken(int slot, String chunk) {}
}
