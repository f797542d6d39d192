package course.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.function.ThrowingSupplier;

/** The test's own threads of one test; closing stops any that a broken buffer left waiting. */
final class Actors implements AutoCloseable {

  private final List<Actor<?>> actors = new ArrayList<>();

  <T> Actor<T> start(String what, ThrowingSupplier<T> call) {
    return start(what, null, call);
  }

  private <T> Actor<T> start(String what, ReentrantLock lock, ThrowingSupplier<T> call) {
    var actor = new Actor<>(what, lock, call);
    actors.add(actor);
    return actor.start();
  }

  /** {@code take()} on its own thread. */
  Actor<Object> take(BoundedBuffer<Object> buffer) {
    return start("take()", Inside.lockOf(buffer), buffer::take);
  }

  /** {@code put(item)} on its own thread. */
  Actor<Void> put(BoundedBuffer<Object> buffer, String item) {
    return start(
        "put(\"" + item + "\")",
        Inside.lockOf(buffer),
        () -> {
          buffer.put(item);
          return null;
        });
  }

  @Override
  public void close() {
    actors.forEach(Actor::stop);
  }
}
