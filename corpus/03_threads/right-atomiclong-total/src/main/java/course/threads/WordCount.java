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
    if (text == null) throw new NullPointerException("text is null");
    if (nThreads <= 0) throw new IllegalArgumentException("nThreads <= 0");
    var total = new AtomicLong();
    var threads = new ArrayList<Thread>();
    for (var chunk : Chunks.split(text, nThreads)) {
      var t = new Thread(() -> total.addAndGet(Chunks.countWords(chunk)));
      t.start();
      threads.add(t);
    }
    for (var t : threads) t.join();
    return total.get();
  }
}
