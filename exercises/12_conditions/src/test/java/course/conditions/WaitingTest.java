package course.conditions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import course.support.testing.NoLeftovers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lesson: who waits, who is woken, and what a woken thread does. Each test forces one
 * interleaving, so a wrong buffer fails on every run. The trick: the test takes the buffer's own
 * lock. While it holds it, a thread that a signal woke stays queued for the lock ({@code
 * lock.hasQueuedThread(t)} shows that it was woken), and the test can call {@code put} and {@code
 * take} itself (the lock is reentrant) to get to the buffer before the woken thread does.
 */
@ExtendWith(NoLeftovers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaitingTest {

  private static final String LOOP =
      "Wait in a loop, while (the buffer is empty and not closed) notEmpty.await(); (and the same "
          + "for put with full): a woken thread must look again, because another thread may have "
          + "got there first. See book/12_conditions.md, \"Wait in a loop\".";

  /** Runs {@code body} on a Deadline thread that holds the buffer's lock all along. */
  private static <T> T holdingTheLock(
      ReentrantLock lock, String what, org.junit.jupiter.api.function.ThrowingSupplier<T> body) {
    return BoundedBufferTest.call(
        what,
        () -> {
          lock.lock();
          try {
            return body.get();
          } finally {
            lock.unlock();
          }
        });
  }

  private static Set<Actor<?>> wokenAmong(ReentrantLock lock, List<? extends Actor<?>> actors) {
    var woken = new HashSet<Actor<?>>();
    for (var actor : actors) {
      if (actor.done() || lock.hasQueuedThread(actor.thread())) {
        woken.add(actor);
      }
    }
    return woken;
  }

  @Test
  @Order(1)
  void a_put_wakes_a_waiting_take_and_close_wakes_the_rest() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(2);
      var lock = Inside.lockOf(buffer);
      var first = actors.take(buffer).awaitParked("take() on an empty buffer must wait.");
      var second = actors.take(buffer).awaitParked("take() on an empty buffer must wait.");
      var takers = List.of(first, second);
      int wokenByPut =
          holdingTheLock(
              lock,
              "put(\"a\") with two take() waiting",
              () -> {
                buffer.put("a");
                return wokenAmong(lock, takers).size();
              });
      if (wokenByPut == 0) {
        throw new AssertionError(
            "put(\"a\") added an item while two take() calls waited on an empty buffer, but it "
                + "woke neither: after adding, signal the Condition that take() waits on "
                + "(notEmpty), not the one put() waits on (notFull).");
      }
      int wokenByClose =
          holdingTheLock(
              lock,
              "close() with a take() still waiting",
              () -> {
                buffer.close();
                return wokenAmong(lock, takers).size();
              });
      if (wokenByClose < 2) {
        throw new AssertionError(
            "close() left a take() waiting on an empty buffer: it is still parked "
                + (first.done() ? second.where() : first.where())
                + ". close() must wake every waiter with signalAll(), on both conditions, or "
                + "those threads sleep forever.");
      }
      first.awaitDone("close() must wake every waiting take().");
      second.awaitDone("close() must wake every waiting take().");
      var results = Arrays.asList(first.value(), second.value());
      var expected = new HashSet<>(Arrays.asList("a", null));
      if (!new HashSet<>(results).equals(expected) || results.size() != 2) {
        throw new AssertionError(
            ("Two take() calls waited; then put(\"a\") and close() came. One take() must return "
                    + "\"a\" and the other null, but they returned %s and %s.")
                .formatted(Show.value(results.get(0)), Show.value(results.get(1))));
      }
    }
  }

  @Test
  @Order(2)
  void every_put_wakes_a_waiting_take() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(4);
      var lock = Inside.lockOf(buffer);
      var takers =
          List.of(
              actors.take(buffer).awaitParked("take() on an empty buffer must wait."),
              actors.take(buffer).awaitParked("take() on an empty buffer must wait."));
      int woken =
          holdingTheLock(
              lock,
              "put(\"a\"), put(\"b\") with two take() waiting",
              () -> {
                buffer.put("a");
                buffer.put("b");
                return wokenAmong(lock, takers).size();
              });
      if (woken < 2) {
        throw new AssertionError(
            ("Two take() calls waited on an empty buffer; put(\"a\") and put(\"b\") followed, but "
                    + "only %d take() was woken, so one waits with an item in the buffer (a lost "
                    + "wake-up). Signal after every put, not only when the buffer was empty: the "
                    + "first woken thread may not have run yet when the second item comes.")
                .formatted(woken));
      }
      for (var taker : takers) {
        taker.awaitDone("Each of two items must reach one of the two waiting take() calls.");
      }
      assertEquals(
          Set.of("a", "b"),
          new HashSet<>(Arrays.asList(takers.get(0).value(), takers.get(1).value())),
          "Two waiting take() calls and two puts: each take() must return one of the two items.");
      BoundedBufferTest.close(buffer);
    }
  }

  @Test
  @Order(3)
  void a_woken_take_looks_again_when_another_take_got_the_item_first() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(2);
      var lock = Inside.lockOf(buffer);
      var late = actors.take(buffer).awaitParked("take() on an empty buffer must wait.");
      // put() wakes the waiting take(); before it can run, the test (holding the lock) takes the
      // item itself. The woken take() then finds the buffer empty again, and not closed.
      var first =
          holdingTheLock(
              lock,
              "put(\"a\") then take() while another take() waits",
              () -> {
                buffer.put("a");
                return buffer.take();
              });
      assertEquals("a", first, "take() right after put(\"a\") must return \"a\".");
      Waits.until(
          () -> late.done() || late.awaiting(),
          () -> "The woken take() neither waited again nor returned: it " + late.outcome());
      if (late.done()) {
        throw new AssertionError(
            ("A take() was woken by put(\"a\"), but another take() got the item first; the woken "
                    + "one then found the buffer empty and open, and it %s instead of waiting "
                    + "again. %s")
                .formatted(late.outcome(), LOOP));
      }
      BoundedBufferTest.close(buffer);
      late.awaitDone("close() must wake a waiting take().");
      assertEquals(
          null,
          late.value(),
          "take() on a closed, empty buffer must return null, also when it was waiting.");
    }
  }

  @Test
  @Order(4)
  void a_woken_put_looks_again_when_another_put_filled_the_room_first() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(1);
      var lock = Inside.lockOf(buffer);
      BoundedBufferTest.put(buffer, "a");
      var late = actors.put(buffer, "b").awaitParked("put() on a full buffer must wait.");
      // take() makes room and wakes the waiting put("b"); before it can run, the test fills the
      // room with put("c"). The woken put then finds the buffer full again.
      holdingTheLock(
          lock,
          "take() then put(\"c\") while put(\"b\") waits",
          () -> {
            assertEquals("a", buffer.take(), "take() must return the oldest item.");
            buffer.put("c");
            return null;
          });
      Waits.until(
          () -> late.done() || late.awaiting(),
          () -> "The woken put(\"b\") neither waited again nor returned: it " + late.outcome());
      if (late.done()) {
        throw new AssertionError(
            ("A put(\"b\") was woken by take(), but put(\"c\") filled the room first; the woken "
                    + "put then found the buffer (capacity 1) full, and it %s instead of waiting "
                    + "again, so the buffer went over its capacity. %s")
                .formatted(late.outcome(), LOOP));
      }
      assertEquals("c", BoundedBufferTest.take(buffer), "take() must return the oldest item.");
      late.awaitDone("take() made room: it must wake the waiting put(\"b\").");
      assertEquals("b", BoundedBufferTest.take(buffer), "take() must return the oldest item.");
      BoundedBufferTest.close(buffer);
    }
  }

  @Test
  @Order(5)
  void a_take_wakes_the_waiting_put_even_when_another_take_waits_too() {
    // Capacity 1; two take() wait. A third thread, holding the lock, puts "a" (waking one take)
    // and then puts "b", which must wait for room. The take that gets "a" makes room: its signal
    // must reach the waiting put, not the other take. With one condition for both sides and
    // signal(), it reaches the take (first in line), which finds nothing and waits again: all
    // three wait forever.
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(1);
      var lock = Inside.lockOf(buffer);
      var takers =
          List.of(
              actors.take(buffer).awaitParked("take() on an empty buffer must wait."),
              actors.take(buffer).awaitParked("take() on an empty buffer must wait."));
      var producer =
          actors.start(
              "put(\"a\") then put(\"b\")",
              () -> {
                lock.lock();
                try {
                  buffer.put("a");
                  buffer.put("b");
                } finally {
                  lock.unlock();
                }
                return null;
              });
      var hint =
          "The take() that made room must wake the waiting put(), not another take(): signal the "
              + "condition that put() waits on (notFull). One condition for both sides with "
              + "signal() wakes whoever is first in line.";
      Waits.until(
          () -> producer.done() && takers.stream().allMatch(Actor::done),
          () ->
              ("Two take() and a put(\"a\"), put(\"b\") on a buffer of capacity 1 should all "
                      + "finish, but after %d s: %s %s; the first take() %s; the second take() "
                      + "%s. %s")
                  .formatted(
                      Waits.limit().toSeconds(),
                      producer.what(),
                      producer.outcome(),
                      takers.get(0).outcome(),
                      takers.get(1).outcome(),
                      hint));
      producer.value();
      assertEquals(
          Set.of("a", "b"),
          new HashSet<>(Arrays.asList(takers.get(0).value(), takers.get(1).value())),
          "Each waiting take() must get one of the two items.");
      BoundedBufferTest.close(buffer);
    }
  }

  @Test
  @Order(6)
  void close_wakes_every_waiting_put_and_they_add_nothing() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(1);
      var lock = Inside.lockOf(buffer);
      BoundedBufferTest.put(buffer, "kept");
      var putters =
          List.of(
              actors.put(buffer, "b").awaitParked("put() on a full buffer must wait."),
              actors.put(buffer, "c").awaitParked("put() on a full buffer must wait."));
      int woken =
          holdingTheLock(
              lock,
              "close() with two put() waiting",
              () -> {
                buffer.close();
                return wokenAmong(lock, putters).size();
              });
      if (woken < 2) {
        throw new AssertionError(
            ("close() woke %d of the 2 put() calls waiting on a full buffer: close() must wake "
                    + "every waiter on both conditions with signalAll(), so that each put() can "
                    + "see the buffer is closed and throw.")
                .formatted(woken));
      }
      for (var putter : putters) {
        putter.awaitDone("close() must wake every waiting put().");
        if (!(putter.failure() instanceof IllegalStateException)) {
          throw new AssertionError(
              ("%s waited on a full buffer, then the buffer was closed: it must throw "
                      + "IllegalStateException and add nothing, but it %s.")
                  .formatted(putter.what(), putter.outcome()));
        }
      }
      assertEquals(
          "kept",
          BoundedBufferTest.take(buffer),
          "After close(), take() must still return the item that was in the buffer.");
      assertEquals(
          null,
          BoundedBufferTest.take(buffer),
          "put() calls woken by close() must add nothing: take() must return null next.");
      Inside.assertFree(lock, "put() calls threw IllegalStateException after close()");
    }
  }

  @Test
  @Order(7)
  void many_producers_and_consumers_pass_every_item_once_in_order() {
    int producers = 3;
    int items = 300;
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(2);
      var producing =
          java.util.stream.IntStream.range(0, producers)
              .mapToObj(
                  p ->
                      actors.start(
                          "producer " + p,
                          () -> {
                            for (int i = 0; i < items; i++) {
                              buffer.put(p + ":" + i);
                            }
                            return null;
                          }))
              .toList();
      var consuming =
          java.util.stream.IntStream.range(0, 3)
              .mapToObj(
                  c ->
                      actors.start(
                          "consumer " + c,
                          () -> {
                            var got = new java.util.ArrayList<String>();
                            for (Object item = buffer.take(); item != null; item = buffer.take()) {
                              got.add((String) item);
                            }
                            return got;
                          }))
              .toList();
      for (var producer : producing) {
        producer.awaitDone("Producers wait for room; every take() must wake one of them.");
        producer.value();
      }
      BoundedBufferTest.close(buffer);
      var seen = new java.util.HashMap<String, Integer>();
      for (var consumer : consuming) {
        consumer.awaitDone("After close() and the last item, every take() must return null.");
        int[] last = new int[producers];
        Arrays.fill(last, -1);
        for (var item : consumer.value()) {
          seen.merge(item, 1, Integer::sum);
          int p = Integer.parseInt(item.split(":")[0]);
          int i = Integer.parseInt(item.split(":")[1]);
          if (i <= last[p]) {
            throw new AssertionError(
                "One consumer took %s after %d:%d: items of one producer must come out in the order they went in."
                    .formatted(item, p, last[p]));
          }
          last[p] = i;
        }
      }
      assertEquals(
          producers * items,
          seen.size(),
          "Every item put must be taken: %d of %d were lost."
              .formatted(producers * items - seen.size(), producers * items));
      var twice = seen.entrySet().stream().filter(e -> e.getValue() > 1).findFirst();
      if (twice.isPresent()) {
        throw new AssertionError(
            "Item %s was taken %d times: each item must be taken once."
                .formatted(twice.get().getKey(), twice.get().getValue()));
      }
    }
  }
}
