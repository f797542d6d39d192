package course.support;

import java.util.List;
import java.util.Objects;

/**
 * A value shared between threads and protected by {@link GlobalLock}: the course's stand-in for a
 * Python object, which a thread may only touch while it holds the GIL.
 *
 * <p>{@link #get()} and {@link #set(Object)} check, every time, that the calling thread holds the
 * global lock, and throw {@link IllegalStateException} otherwise. pyo3 makes the Rust compiler do
 * this check; Java cannot (it has no lifetimes to tie a reference to a held lock), so here it
 * happens at run time, and only at the moment you ask for the value. Keep in mind what the check
 * cannot see: a reference that you took while holding the lock and still use after you let go.
 *
 * <p><b>One exception: immutable values.</b> A value that can never change can be read by any
 * number of threads at once, with no lock: nothing can change under a reader. When the value passes
 * {@link Immutability#checkValue(Object)}, {@link #get()} works without the lock too. (The holder
 * itself publishes each value safely: its field is {@code volatile}, so a reader that sees a new
 * value also sees that value fully built.) {@link #set(Object)} always needs the lock.
 *
 * <pre>{@code
 * var total = Guarded.of(0L);                    // Long is immutable: readable anywhere
 * GlobalLock.attach(() -> total.set(total.get() + words));
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Guarded<T> {

  private record State<T>(T value, List<String> whyNotImmutable) {}

  private volatile State<T> state;

  private Guarded(T value) {
    this.state = stateOf(value);
  }

  /**
   * Guards {@code value}. Creating a guarded value needs no lock: nobody else can see it yet.
   *
   * @param value the value, may be null
   */
  public static <T> Guarded<T> of(T value) {
    return new Guarded<>(value);
  }

  /**
   * The value. Needs the global lock, unless the value is immutable.
   *
   * @throws IllegalStateException if the lock is not held and the value is not immutable; the
   *     message says why the value does not count as immutable
   */
  public T get() {
    var current = state;
    if (current.whyNotImmutable().isEmpty() || GlobalLock.isHeldByCurrentThread()) {
      return current.value();
    }
    var message =
        ("A Guarded<%s> was read by thread '%s', which does not hold %s. Read it "
                + "inside GlobalLock.attach(...). It cannot be read without the lock because its value "
                + "is not immutable: %s")
            .formatted(
                typeName(current.value()),
                Thread.currentThread().getName(),
                GlobalLock.NAME,
                String.join(" ", current.whyNotImmutable()));
    GlobalLock.reportViolation(message);
    throw new IllegalStateException(message);
  }

  /**
   * Replaces the value. Always needs the global lock.
   *
   * @throws IllegalStateException if the lock is not held
   */
  public void set(T value) {
    GlobalLock.requireHeld("A Guarded<%s>".formatted(typeName(value)));
    state = stateOf(value);
  }

  /** Whether {@link #get()} works without the lock: whether the value is immutable. */
  public boolean isReadableWithoutLock() {
    return state.whyNotImmutable().isEmpty();
  }

  /** Why {@link #get()} needs the lock: the reasons the value is not immutable, or none. */
  public List<String> whyNotReadableWithoutLock() {
    return state.whyNotImmutable();
  }

  private static <T> State<T> stateOf(T value) {
    return new State<>(value, Immutability.checkValue(value));
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return "Guarded[" + (isReadableWithoutLock() ? Objects.toString(state.value()) : "...") + "]";
  }
}
