package course.support;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * A list shared between threads and protected by {@link GlobalLock}: the course's stand-in for a
 * Python {@code list}, which a thread may only touch while it holds the GIL.
 *
 * <p>Every operation, reading ones included ({@code size}, {@code get}, iterating, {@code
 * List.copyOf(list)}...), checks that the calling thread holds the global lock and throws {@link
 * IllegalStateException} if it does not. Unlike {@link Guarded#get()}, that check also catches a
 * reference kept past the end of {@code GlobalLock.attach(...)}: the list checks on each use.
 *
 * <p>Like {@link ArrayList}, its iterators fail fast: if the list is changed while you iterate over
 * it (for example by another thread, while you had released the lock), the next step of the
 * iteration throws {@link java.util.ConcurrentModificationException}.
 *
 * <pre>{@code
 * var numbers = new GuardedList<Long>(List.of(12L, 35L));
 * List<Long> copy = GlobalLock.attach(() -> List.copyOf(numbers)); // copy out with the lock
 * }</pre>
 *
 * @param <E> the type of the elements; {@code null} elements are allowed
 */
public final class GuardedList<E> extends AbstractList<E> implements RandomAccess {

  private final ArrayList<E> elements;

  /** An empty list. Creating one needs no lock: nobody else can see it yet. */
  public GuardedList() {
    this.elements = new ArrayList<>();
  }

  /** A list holding a copy of {@code initial}. Creating one needs no lock. */
  public GuardedList(Collection<? extends E> initial) {
    this.elements = new ArrayList<>(initial);
  }

  private void check() {
    GlobalLock.requireHeld("A GuardedList");
  }

  @Override
  public E get(int index) {
    check();
    return elements.get(index);
  }

  @Override
  public int size() {
    check();
    return elements.size();
  }

  @Override
  public E set(int index, E element) {
    check();
    E previous = elements.set(index, element);
    GlobalLock.reportListWrite();
    return previous;
  }

  @Override
  public void add(int index, E element) {
    check();
    elements.add(index, element);
    modCount++;
    GlobalLock.reportListWrite();
  }

  @Override
  public E remove(int index) {
    check();
    E removed = elements.remove(index);
    modCount++;
    return removed;
  }

  @Override
  protected void removeRange(int fromIndex, int toIndex) {
    check();
    elements.subList(fromIndex, toIndex).clear();
    modCount++;
  }

  /** Describes the list without touching its elements, so it is safe to call without the lock. */
  @Override
  public String toString() {
    return GlobalLock.isHeldByCurrentThread() ? "GuardedList" + elements : "GuardedList[...]";
  }
}
