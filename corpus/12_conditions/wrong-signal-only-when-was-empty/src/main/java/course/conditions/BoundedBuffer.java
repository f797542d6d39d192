package course.conditions;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded FIFO buffer built from one lock and two conditions: consumers wait on {@code notEmpty},
 * producers on {@code notFull}, and each side wakes only the other.
 *
 * @param <T> the type of the items
 */
public final class BoundedBuffer<T> {

  private final Object[] items;
  private int head; // index of the oldest item
  private int count;
  private boolean closed;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final Condition notFull = lock.newCondition();

  /**
   * Makes an empty, open buffer that holds at most {@code capacity} items.
   *
   * @param capacity the largest number of items the buffer holds at once; at least 1
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public BoundedBuffer(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    items = new Object[capacity];
  }

  /**
   * Adds {@code item} at the end, waiting while the buffer is full.
   *
   * @param item the item to add
   * @throws NullPointerException if {@code item} is null
   * @throws IllegalStateException if the buffer is closed, also while this call waits
   * @throws InterruptedException if interrupted while waiting
   */
  public void put(T item) throws InterruptedException {
    Objects.requireNonNull(item, "item must not be null: take() returns null at the end");
    lock.lockInterruptibly();
    try {
      // A loop, not an if: another producer may have filled the room between the signal and the
      // moment this thread holds the lock again.
      while (count == items.length && !closed) {
        notFull.await();
      }
      if (closed) {
        throw new IllegalStateException("the buffer is closed");
      }
      items[(head + count) % items.length] = item;
      count++;
      // One new item makes work for exactly one consumer, so one signal is enough.
      if (count == 1) {
        notEmpty.signal(); // only an empty buffer has waiting takers
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes and returns the oldest item, waiting while the buffer is empty and open.
   *
   * @return the oldest item, or {@code null} once the buffer is closed and empty
   * @throws InterruptedException if interrupted while waiting
   */
  public T take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (count == 0 && !closed) {
        notEmpty.await();
      }
      if (count == 0) {
        return null; // closed and drained
      }
      @SuppressWarnings("unchecked") // only put(T) stores into the array
      T item = (T) items[head];
      items[head] = null;
      head = (head + 1) % items.length;
      count--;
      if (count == items.length - 1) {
        notFull.signal(); // only a full buffer has waiting putters
      }
      return item;
    } finally {
      lock.unlock();
    }
  }

  /** Closes the buffer and wakes every thread waiting on either side. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      // Every waiter must see the change, not just one: they all have to leave.
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
