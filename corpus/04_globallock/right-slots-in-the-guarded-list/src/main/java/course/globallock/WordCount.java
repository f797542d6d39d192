package course.globallock;

import course.support.Chunks;
import course.support.GlobalLock;
import course.support.GuardedList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Objects;

public final class WordCount {

  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text, "text must not be null");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be at least 1, got " + nThreads);
    }
    var chunks = Chunks.split(text, nThreads);
    // one slot per chunk, made before any thread can see the list
    var results = new GuardedList<Long>(Collections.nCopies(chunks.size(), 0L));
    var threads = new ArrayList<Thread>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      int slot = i;
      var chunk = chunks.get(i);
      threads.add(
          Thread.ofPlatform()
              .name("word-counter-", i)
              .start(
                  () -> {
                    long words = Chunks.countWords(chunk);
                    GlobalLock.attach(() -> results.set(slot, words));
                  }));
    }
    for (var thread : threads) {
      thread.join();
    }
    return GlobalLock.attach(
        () -> {
          long sum = 0;
          for (long words : results) {
            sum += words;
          }
          return sum;
        });
  }
}
