package course.conditions;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

public final class BoundedBuffer<T> {
  private final BlockingQueue<T> queue;
  private volatile boolean closed;

  public BoundedBuffer(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity < 1");
    queue = new ArrayBlockingQueue<>(capacity);
  }

  public void put(T item) throws InterruptedException {
    if (item == null) throw new NullPointerException();
    while (!closed) {
      if (queue.offer(item, 10, TimeUnit.MILLISECONDS)) {
        return;
      }
    }
    throw new IllegalStateException("closed");
  }

  public T take() throws InterruptedException {
    while (true) {
      T item = queue.poll(10, TimeUnit.MILLISECONDS);
      if (item != null) return item;
      if (closed && queue.isEmpty()) return null;
    }
  }

  public void close() {
    closed = true;
  }
}
