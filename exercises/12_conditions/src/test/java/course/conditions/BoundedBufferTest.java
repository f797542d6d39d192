package course.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import java.util.ArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The buffer's contract, one call at a time: order, capacity, what close() changes, bad input. */
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoundedBufferTest {

  static final String NO_HANG =
      "On a buffer with room (or with items), put (or take) must not wait: check your while condition.";

  /** Calls into the buffer on the test's behalf, bounded by Deadline, lock misuse explained. */
  static <T> T call(String what, org.junit.jupiter.api.function.ThrowingSupplier<T> code) {
    return Deadline.call(
        () -> {
          try {
            return code.get();
          } catch (IllegalMonitorStateException e) {
            throw new AssertionError(
                ("%s threw IllegalMonitorStateException: await(), signal() and signalAll() may "
                        + "only be called by the thread that holds the Condition's lock. Take the "
                        + "lock first: lock.lock(); try { ... } finally { lock.unlock(); }.")
                    .formatted(what),
                e);
          }
        },
        what,
        NO_HANG);
  }

  static void put(BoundedBuffer<Object> buffer, Object item) {
    call(
        "put(" + Show.value(item) + ")",
        () -> {
          buffer.put(item);
          return null;
        });
  }

  static Object take(BoundedBuffer<Object> buffer) {
    return call("take()", buffer::take);
  }

  static void close(BoundedBuffer<?> buffer) {
    call(
        "close()",
        () -> {
          buffer.close();
          return null;
        });
  }

  @Test
  @Order(1)
  void gives_the_items_back_in_the_order_they_went_in() {
    var buffer = new BoundedBuffer<Object>(3);
    var taken = new ArrayList<Object>();
    var expected = new ArrayList<Object>();
    // Fill and drain by turns, so that the items wrap around any array the buffer uses.
    int next = 0;
    for (int round = 0; round < 7; round++) {
      int in = 1 + round % 3;
      for (int i = 0; i < in; i++) {
        expected.add("item-" + next);
        put(buffer, "item-" + next++);
      }
      for (int i = 0; i < in; i++) {
        taken.add(take(buffer));
      }
    }
    assertEquals(
        expected,
        taken,
        "take() must give the items back in the order put() added them (first in, first out); "
            + "check that you add at one end and remove at the other.");
  }

  @Test
  @Order(2)
  void holds_exactly_capacity_items_and_then_makes_put_wait() {
    for (int capacity : new int[] {1, 3}) {
      try (var actors = new Actors()) {
        var buffer = new BoundedBuffer<Object>(capacity);
        for (int i = 0; i < capacity; i++) {
          put(buffer, "item-" + i);
        }
        var extra = actors.put(buffer, "one-too-many");
        Waits.until(
            () -> extra.done() || extra.awaiting(),
            () ->
                "put(\"one-too-many\") on a full buffer should wait on a Condition, but it %s."
                    .formatted(extra.outcome()));
        if (extra.done()) {
          throw new AssertionError(
              ("A buffer of capacity %d held %d items, and put(\"one-too-many\") %s instead of "
                      + "waiting: the buffer must never hold more than its capacity. Wait while "
                      + "the number of items equals the capacity.")
                  .formatted(capacity, capacity, extra.outcome()));
        }
        assertEquals("item-0", take(buffer), "take() must return the oldest item.");
        extra.awaitDone("A take() made room: it must wake the put() that waits for room.");
        extra.value();
      }
    }
  }

  @Test
  @Order(3)
  void gives_out_what_is_left_after_close_and_then_null() {
    var buffer = new BoundedBuffer<Object>(4);
    put(buffer, "first");
    put(buffer, "second");
    close(buffer);
    var taken = new ArrayList<Object>();
    for (int i = 0; i < 4; i++) {
      taken.add(take(buffer));
    }
    assertEquals(
        java.util.Arrays.asList("first", "second", null, null),
        taken,
        "After close(), take() must first give out the items still in the buffer, in order, and "
            + "only then return null, once the buffer is closed and empty: check the emptiness, not "
            + "only the closed flag.");
  }

  @Test
  @Order(4)
  void put_on_a_closed_buffer_throws_adds_nothing_and_unlocks() {
    var buffer = new BoundedBuffer<Object>(2);
    var lock = Inside.lockOf(buffer);
    close(buffer);
    var thrown =
        call(
            "put(\"late\") on a closed buffer",
            () ->
                assertThrows(
                    IllegalStateException.class,
                    () -> buffer.put("late"),
                    "put() on a closed buffer must throw IllegalStateException: the item would "
                        + "never be taken."));
    Inside.assertFree(lock, "put() threw IllegalStateException (" + thrown.getMessage() + ")");
    assertNull(
        take(buffer),
        "put() on a closed buffer must add nothing, but take() then returned an item.");
    Inside.assertFree(lock, "take() on a closed, empty buffer");
  }

  @Test
  @Order(5)
  void take_on_a_closed_empty_buffer_returns_null_at_once_every_time() {
    var buffer = new BoundedBuffer<Object>(1);
    close(buffer);
    close(buffer); // closing twice does nothing
    assertNull(take(buffer), "take() on a closed, empty buffer must return null.");
    assertNull(take(buffer), "take() on a closed, empty buffer must return null every time.");
  }

  @Test
  @Order(6)
  void an_interrupted_take_or_put_throws_adds_nothing_and_unlocks() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(1);
      var lock = Inside.lockOf(buffer);
      var taker = actors.take(buffer).awaitParked("take() on an empty buffer must wait.");
      taker.thread().interrupt();
      taker.awaitDone("An interrupt must end a take() that waits (await() throws).");
      if (!(taker.failure() instanceof InterruptedException)) {
        throw new AssertionError(
            "A waiting take() that is interrupted must throw InterruptedException, but it %s."
                .formatted(taker.outcome()));
      }
      Inside.assertFree(lock, "an interrupted take() threw InterruptedException");
      put(buffer, "kept");
      var putter = actors.put(buffer, "dropped").awaitParked("put() on a full buffer must wait.");
      putter.thread().interrupt();
      putter.awaitDone("An interrupt must end a put() that waits (await() throws).");
      if (!(putter.failure() instanceof InterruptedException)) {
        throw new AssertionError(
            "A waiting put() that is interrupted must throw InterruptedException, but it %s."
                .formatted(putter.outcome()));
      }
      Inside.assertFree(lock, "an interrupted put() threw InterruptedException");
      close(buffer);
      assertEquals("kept", take(buffer), "take() must return the item that was in the buffer.");
      assertNull(
          take(buffer), "An interrupted put() must add nothing, but take() returned an item.");
    }
  }

  @Test
  @Order(10)
  void rejects_a_capacity_below_one() {
    for (int capacity : new int[] {0, -1}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new BoundedBuffer<Object>(capacity),
          "new BoundedBuffer(" + capacity + ") must throw IllegalArgumentException.");
    }
  }

  @Test
  @Order(11)
  void rejects_null_items_and_adds_nothing() {
    var buffer = new BoundedBuffer<Object>(2);
    assertThrows(
        NullPointerException.class,
        () -> buffer.put(null),
        "put(null) must throw NullPointerException: null is what take() returns at the end.");
    close(buffer);
    assertNull(take(buffer), "put(null) must add nothing, but take() then returned an item.");
  }
}
