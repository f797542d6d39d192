package course.conditions;

import java.util.LinkedList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

public final class BoundedBuffer<T> {
  private final LinkedList<T> items = new LinkedList<>();
  private final int capacity;
  private boolean closed;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();

  public BoundedBuffer(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
    this.capacity = capacity;
  }

  public void put(T item) throws InterruptedException {
    if (item == null) throw new NullPointerException();
    lock.lock();
    while (items.size() == capacity && !closed) {
      notFull.await();
    }
    if (closed) {
      throw new IllegalStateException("closed");
    }
    items.addLast(item);
    notEmpty.signal();
    lock.unlock();
  }

  public T take() throws InterruptedException {
    lock.lock();
    while (items.isEmpty() && !closed) {
      notEmpty.await();
    }
    T item = items.pollFirst();
    if (item != null) {
      notFull.signal();
    }
    lock.unlock();
    return item;
  }

  public void close() {
    lock.lock();
    closed = true;
    notEmpty.signalAll();
    notFull.signalAll();
    lock.unlock();
  }
}
