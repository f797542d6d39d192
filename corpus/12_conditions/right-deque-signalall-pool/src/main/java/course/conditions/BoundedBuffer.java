package course.conditions;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

public final class BoundedBuffer<T> {
  private final ArrayDeque<T> queue = new ArrayDeque<>();
  private final int capacity;
  private boolean closed = false;
  private final Lock lock = new ReentrantLock();
  private final Condition canTake = lock.newCondition();
  private final Condition canPut = lock.newCondition();

  public BoundedBuffer(int capacity) {
    if (capacity <= 0) throw new IllegalArgumentException("capacity must be positive");
    this.capacity = capacity;
  }

  public void put(T item) throws InterruptedException {
    if (item == null) throw new NullPointerException("null item");
    lock.lock();
    try {
      while (!closed && queue.size() >= capacity) {
        canPut.await();
      }
      if (closed) throw new IllegalStateException("closed");
      queue.addLast(item);
      canTake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  public T take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty()) {
        if (closed) return null;
        canTake.await();
      }
      T item = queue.removeFirst();
      canPut.signalAll();
      return item;
    } finally {
      lock.unlock();
    }
  }

  public void close() {
    lock.lock();
    try {
      closed = true;
      canTake.signalAll();
      canPut.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
