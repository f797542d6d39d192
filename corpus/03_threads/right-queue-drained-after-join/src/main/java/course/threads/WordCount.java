package course.threads;

import course.support.Chunks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.FutureTask;

public final class WordCount {
  private WordCount() {}

  public static long count(String text, int nThreads) throws InterruptedException {
    Objects.requireNonNull(text);
    if (nThreads < 1) throw new IllegalArgumentException("nThreads must be >= 1");
    var chunks = Chunks.split(text, nThreads);
    if (chunks.isEmpty()) return 0;
    BlockingQueue<Long> results = new java.util.concurrent.ArrayBlockingQueue<>(chunks.size());
    List<Thread> threads = chunks.stream()
        .map(chunk -> Thread.ofPlatform().unstarted(() -> results.add(Chunks.countWords(chunk))))
        .toList();
    threads.forEach(Thread::start);
    for (var t : threads) t.join();
    var all = new ArrayList<Long>();
    results.drainTo(all);
    return all.stream().mapToLong(Long::longValue).sum();
  }
}
