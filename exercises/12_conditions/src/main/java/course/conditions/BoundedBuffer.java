package course.conditions;

/**
 * Exercise 12, part 1: a bounded buffer, the meeting point of producers and consumers. Read
 * book/12_conditions.md first.
 *
 * <p>A buffer of fixed capacity that any number of threads share: producers {@link #put} items in,
 * consumers {@link #take} them out, in the order they went in. A producer that finds the buffer
 * full waits until there is room (that is <b>backpressure</b>: a fast producer is slowed down to
 * the pace of its consumers); a consumer that finds it empty waits until there is an item. {@link
 * #close} says that no more items will come: waiting threads wake up, the items already inside can
 * still be taken, and then {@code take} returns {@code null}, the way {@code readLine()} does at
 * the end of a file.
 *
 * <p><b>How it must be built.</b> With exactly one {@link java.util.concurrent.locks.ReentrantLock}
 * and two {@link java.util.concurrent.locks.Condition}s made by that lock: one that consumers wait
 * on until the buffer is not empty, one that producers wait on until it is not full. Not with
 * {@code synchronized}, {@code wait} or {@code notify}, and not with a ready-made class of {@code
 * java.util.concurrent} (no {@code ArrayBlockingQueue} inside): writing the waiting yourself is the
 * exercise. Keep the lock and the two conditions in fields of this class; the tests find them by
 * their types, whatever you name them, and look at who waits on which.
 *
 * @param <T> the type of the items
 */
public final class BoundedBuffer<T> {

  // TODO: the fields: where the items live, how many there are, whether the buffer is closed,
  //       the lock and its two conditions (book/12_conditions.md, "One lock, two conditions").

  /**
   * Makes an empty, open buffer that holds at most {@code capacity} items.
   *
   * @param capacity the largest number of items the buffer holds at once; at least 1
   * @throws IllegalArgumentException if {@code capacity < 1}
   */
  public BoundedBuffer(int capacity) {
    // TODO: check the capacity and set up the fields.
    throw new UnsupportedOperationException("TODO: make an empty buffer of this capacity");
  }

  /**
   * Adds {@code item} at the end of the buffer, waiting while the buffer is full.
   *
   * <p>The buffer never holds more than its capacity. When this method returns, the item is in the
   * buffer and a consumer waiting in {@link #take} has been woken to take it.
   *
   * @param item the item to add
   * @throws NullPointerException if {@code item} is null ({@code null} is what {@code take} returns
   *     at the end); nothing is added
   * @throws IllegalStateException if the buffer is closed, including when it is closed while this
   *     call waits for room; nothing is added
   * @throws InterruptedException if the thread is interrupted while it waits; nothing is added
   */
  public void put(T item) throws InterruptedException {
    // TODO: wait for room in a loop, add, wake a consumer (book/12_conditions.md, "Wait in a
    //       loop" and "Wake the right side"). Unlock in a finally block.
    throw new UnsupportedOperationException("TODO: put an item, waiting while the buffer is full");
  }

  /**
   * Removes and returns the oldest item of the buffer, waiting while the buffer is empty and open.
   *
   * <p>Items come out in the order they were put in. After {@link #close}, the items still inside
   * are returned first, one per call, in order; once the buffer is closed and empty, every call
   * returns {@code null} at once. When this method returns an item, a producer waiting in {@link
   * #put} has been woken to use the room.
   *
   * @return the oldest item, or {@code null} if the buffer is closed and empty
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  public T take() throws InterruptedException {
    // TODO: wait for an item (or the end) in a loop, remove the oldest, wake a producer.
    throw new UnsupportedOperationException("TODO: take the oldest item, waiting while empty");
  }

  /**
   * Closes the buffer: no item can be put any more, and every thread waiting in {@link #put} or
   * {@link #take} wakes up (a waiting {@code put} throws, a waiting {@code take} returns {@code
   * null} once the buffer is empty). The items already inside stay there to be taken. Closing a
   * closed buffer does nothing.
   */
  public void close() {
    // TODO: mark the buffer closed and wake every waiter on both sides (book/12_conditions.md,
    //       "Closing").
    throw new UnsupportedOperationException("TODO: close the buffer and wake every waiter");
  }
}
