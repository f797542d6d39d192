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
    var chunks = Chunks.split(text, nThreads); // throws NPE / IAE for bad arguments
    var tasks = new ArrayList<FutureTask<Long>>();
    var threads = new ArrayList<Thread>();
    for (var chunk : chunks) {
      var task = new FutureTask<>(() -> Chunks.countWords(chunk));
      tasks.add(task);
      threads.add(Thread.ofPlatform().name("counter-" + threads.size()).start(task));
    }
    for (var t : threads) t.join();
    long sum = 0;
    for (var task : tasks) {
      try {
        sum += task.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return sum;
  }
}
