package course.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Chapter 11's benchmark: what one update of a shared counter, or of one word's count in a shared
 * map, costs when one thread or two threads do it at once. Not part of {@link Main}'s word-count
 * table; run it with JMH's own main, once with {@code -t 1} and once with {@code -t 2} (the command
 * is in book/11_atomics.md, beside its output).
 *
 * <p>Every benchmark method is one update. With {@code -t 2} two threads call it at the same time
 * on the same shared state (Scope.Benchmark), so the numbers show what contention costs: a lock
 * that is passed back and forth, a cache line that two cores fight over, or nothing at all when
 * each thread has its own state (Scope.Thread).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContentionBenchmark {

  /** A small vocabulary, so the two threads keep hitting the same few keys. */
  private static final String[] WORDS = {
    "the", "quick", "brown", "fox", "jumps", "over", "the", "lazy", "dog", "the", "lock", "thread"
  };

  /** What all the threads of a run share. */
  @State(Scope.Benchmark)
  public static class Shared {
    final Object lock = new Object();
    long lockedCount;
    long racyCount;
    final AtomicLong atomic = new AtomicLong();
    final LongAdder adder = new LongAdder();
    final Map<String, Long> lockedMap = new HashMap<>();
    final ConcurrentHashMap<String, Long> concurrentMap = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, LongAdder> adderMap = new ConcurrentHashMap<>();
  }

  /** What each thread has for itself: its place in the vocabulary, and its own map. */
  @State(Scope.Thread)
  public static class Mine {
    int next;
    final Map<String, Long> ownMap = new HashMap<>();

    String word() {
      next = next + 1 == WORDS.length ? 0 : next + 1;
      return WORDS[next];
    }
  }

  // ---- one shared counter ----

  /** {@code count++} on a plain shared field: fast, and wrong with two threads (lost updates). */
  @Benchmark
  public long counter_plain_racy(Shared shared) {
    return ++shared.racyCount;
  }

  @Benchmark
  public long counter_synchronized(Shared shared) {
    synchronized (shared.lock) {
      return ++shared.lockedCount;
    }
  }

  @Benchmark
  public long counter_atomicLong(Shared shared) {
    return shared.atomic.incrementAndGet();
  }

  @Benchmark
  public void counter_longAdder(Shared shared) {
    shared.adder.increment();
  }

  // ---- one word's count in a frequency map ----

  @Benchmark
  public Long map_hashMap_synchronized(Shared shared, Mine mine) {
    var word = mine.word();
    synchronized (shared.lockedMap) {
      return shared.lockedMap.merge(word, 1L, Long::sum);
    }
  }

  @Benchmark
  public Long map_concurrentHashMap_merge(Shared shared, Mine mine) {
    return shared.concurrentMap.merge(mine.word(), 1L, Long::sum);
  }

  @Benchmark
  public void map_concurrentHashMap_longAdder(Shared shared, Mine mine) {
    shared.adderMap.computeIfAbsent(mine.word(), word -> new LongAdder()).increment();
  }

  /**
   * Each thread counts into a HashMap of its own; merging the per-thread maps at the end costs one
   * pass over the vocabulary per thread, once, and is not measured here.
   */
  @Benchmark
  public Long map_perThread_hashMap(Mine mine) {
    return mine.ownMap.merge(mine.word(), 1L, Long::sum);
  }
}
