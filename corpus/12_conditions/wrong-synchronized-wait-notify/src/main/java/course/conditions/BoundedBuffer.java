package course.conditions;

import java.util.ArrayDeque;

public final class BoundedBuffer<T> {
  private final ArrayDeque<T> items = new ArrayDeque<>();
  private final int capacity;
  private boolean closed;

  public BoundedBuffer(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
    this.capacity = capacity;
  }

  public synchronized void put(T item) throws InterruptedException {
    if (item == null) throw new NullPointerException();
    while (items.size() == capacity && !closed) {
      wait();
    }
    if (closed) throw new IllegalStateException("closed");
    items.addLast(item);
    notifyAll();
  }

  public synchronized T take() throws InterruptedException {
    while (items.isEmpty() && !closed) {
      wait();
    }
    if (items.isEmpty()) return null;
    T item = items.removeFirst();
    notifyAll();
    return item;
  }

  public synchronized void close() {
    closed = true;
    notifyAll();
  }
}
