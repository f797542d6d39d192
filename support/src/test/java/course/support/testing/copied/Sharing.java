package course.support.testing.copied;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Code for {@code LearnerCopyTest} to copy: collections shared in every way, right and wrong. */
public final class Sharing {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Sharing() {}

  static Duration timeout() {
    return TIMEOUT;
  }

  /** Two threads add to one HashSet, one after the other, without a lock. */
  static int unlockedAdds() throws InterruptedException {
    var set = new HashSet<Integer>();
    run(() -> set.add(1), () -> set.add(2));
    return set.size();
  }

  /** The same through a method reference. */
  static int methodReferenceAdds() throws InterruptedException {
    Set<Integer> set = new HashSet<>();
    run(() -> List.of(1, 2).forEach(set::add), () -> List.of(3).forEach(set::add));
    return set.size();
  }

  /** Two threads add under the set's monitor. */
  static int synchronizedAdds() throws InterruptedException {
    var set = new HashSet<Integer>();
    run(
        () -> {
          synchronized (set) {
            set.add(1);
          }
        },
        () -> {
          synchronized (set) {
            set.add(2);
          }
        });
    return set.size();
  }

  /** Two threads add under a ReentrantLock. */
  static int reentrantLockAdds() throws InterruptedException {
    var set = new HashSet<Integer>();
    var lock = new ReentrantLock();
    Runnable add =
        () -> {
          lock.lock();
          try {
            set.add(set.size());
          } finally {
            lock.unlock();
          }
        };
    run(add, add);
    return set.size();
  }

  /** Two threads add through a synchronized method. */
  static int synchronizedMethodAdds() throws InterruptedException {
    var holder = new Holder();
    run(() -> holder.add(1), () -> holder.add(2));
    return holder.size();
  }

  /** The caller adds; the threads only read. */
  static int callerOnly() throws InterruptedException {
    var set = new HashSet<Integer>();
    set.add(1);
    run(() -> set.contains(1), () -> set.contains(2));
    set.add(2);
    return set.size();
  }

  /** Each thread fills a list of its own. */
  static int listsOfTheirOwn() throws InterruptedException {
    Runnable fill =
        () -> {
          var mine = new ArrayList<Integer>();
          mine.add(1);
          mine.add(2);
        };
    run(fill, fill);
    return 0;
  }

  /** Two threads add to a concurrent set. */
  static int concurrentAdds() throws InterruptedException {
    Set<Integer> set = ConcurrentHashMap.newKeySet();
    run(() -> set.add(1), () -> set.add(2));
    return set.size();
  }

  private static final class Holder {
    private final Set<Integer> set = new HashSet<>();

    synchronized void add(int n) {
      set.add(n);
    }

    synchronized int size() {
      return set.size();
    }
  }

  private static void run(Runnable first, Runnable second) throws InterruptedException {
    var one = Thread.ofPlatform().name("first").start(first);
    one.join();
    var two = Thread.ofVirtual().start(second);
    two.join();
  }
}
