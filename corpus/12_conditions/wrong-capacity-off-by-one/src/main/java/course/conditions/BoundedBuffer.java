package course.conditions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class BoundedBuffer<T> {
  private final Deque<T> items = new ArrayDeque<>();
  private final int capacity;
  private boolean closed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();

  public BoundedBuffer(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
    this.capacity = capacity;
  }

  public void put(T item) throws InterruptedException {
    if (item == null) throw new NullPointerException("item");
    lock.lock();
    try {
      while (items.size() > capacity && !closed) {
        notFull.await();
      }
      if (closed) throw new IllegalStateException("buffer closed");
      items.add(item);
      notEmpty.signal();
    } finally {
      lock.unlock();
    }
  }

  public T take() throws InterruptedException {
    lock.lock();
    try {
      while (items.isEmpty() && !closed) {
        notEmpty.await();
      }
      if (items.isEmpty()) return null;
      T item = items.remove();
      notFull.signal();
      return item;
    } finally {
      lock.unlock();
    }
  }

  public void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
