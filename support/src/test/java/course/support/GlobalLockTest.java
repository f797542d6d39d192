package course.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GlobalLockTest {

  record Point(int x, int y) {}

  record Tagged(String name, List<String> tags) {}

  record Box(Point corner, int[] cells) {}

  static final class Counter {
    int value;
  }

  static class Open {
    final int value = 1;
  }

  @Test
  void attach_holds_the_lock_and_detach_lets_it_go_and_takes_it_back() {
    assertFalse(GlobalLock.isHeldByCurrentThread());
    GlobalLock.attach(
        () -> {
          assertTrue(GlobalLock.isHeldByCurrentThread());
          GlobalLock.attach(
              () -> {
                GlobalLock.detach(() -> assertFalse(GlobalLock.isHeldByCurrentThread()));
                assertTrue(GlobalLock.isHeldByCurrentThread());
              });
          assertTrue(GlobalLock.isHeldByCurrentThread());
        });
    assertFalse(GlobalLock.isHeldByCurrentThread());
  }

  @Test
  void detach_without_the_lock_is_refused() {
    var error = assertThrows(IllegalStateException.class, () -> GlobalLock.detach(() -> 1));
    assertTrue(error.getMessage().contains("GlobalLock"), error.getMessage());
  }

  @Test
  void detach_lets_another_thread_take_the_lock() throws Exception {
    var taken = new CountDownLatch(1);
    GlobalLock.attach(
        () ->
            GlobalLock.detach(
                () -> {
                  var other = Thread.ofPlatform().start(() -> GlobalLock.attach(taken::countDown));
                  try {
                    assertTrue(taken.await(5, TimeUnit.SECONDS));
                    other.join();
                  } catch (InterruptedException e) {
                    throw new AssertionError(e);
                  }
                }));
  }

  @Test
  void counts_attach_calls_and_waiting_threads() throws Exception {
    GlobalLock.resetCounters();
    var inside = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var holder =
        Thread.ofPlatform()
            .start(
                () ->
                    GlobalLock.attach(
                        () -> {
                          inside.countDown();
                          await(release);
                        }));
    inside.await();
    var waiter = Thread.ofPlatform().start(() -> GlobalLock.attach(() -> {}));
    while (waiter.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    release.countDown();
    holder.join();
    waiter.join();
    assertEquals(2, GlobalLock.counters().attachCalls());
    assertEquals(1, GlobalLock.counters().maxWaiting());
  }

  @Test
  void guarded_mutable_values_need_the_lock_and_say_why() {
    var guarded = Guarded.of(new Counter());
    var error = assertThrows(IllegalStateException.class, guarded::get);
    assertTrue(error.getMessage().contains(GlobalLock.NAME), error.getMessage());
    assertTrue(error.getMessage().contains("Counter.value is not final"), error.getMessage());
    GlobalLock.attach(() -> guarded.get().value++);
  }

  @Test
  void guarded_immutable_values_can_be_read_without_the_lock_but_not_set() {
    var guarded = Guarded.of(new Tagged("a", List.of("x", "y")));
    assertEquals("a", guarded.get().name());
    assertThrows(IllegalStateException.class, () -> guarded.set(null));
  }

  @Test
  void counts_the_elements_written_to_guarded_lists() {
    var list = new GuardedList<>(List.of(1L, 2L));
    GlobalLock.resetCounters();
    GlobalLock.attach(
        () -> {
          list.add(3L);
          list.set(0, 4L);
          list.addAll(List.of(5L, 6L));
          list.remove(0);
        });
    assertThrows(IllegalStateException.class, () -> list.add(7L));
    assertEquals(4, GlobalLock.counters().listWrites());
  }

  @Test
  void guarded_lists_need_the_lock_for_everything() {
    var list = new GuardedList<>(List.of(1L, 2L));
    assertThrows(IllegalStateException.class, list::size);
    assertThrows(IllegalStateException.class, () -> List.copyOf(list));
    assertEquals(List.of(1L, 2L), GlobalLock.attach(() -> List.copyOf(list)));
  }

  @Test
  void immutability_accepts_records_of_immutable_parts() {
    assertEquals(List.of(), Immutability.check(Point.class));
    assertEquals(List.of(), Immutability.checkValue(new Tagged("a", List.of("b"))));
    assertEquals(List.of(), Immutability.checkValue(42L));
  }

  @Test
  void immutability_refuses_mutable_shapes_with_reasons() {
    assertFalse(Immutability.check(Counter.class).isEmpty());
    assertTrue(Immutability.check(Open.class).get(0).contains("not final"));
    assertTrue(Immutability.check(Box.class).get(0).contains("array"));
    var leaky = Immutability.checkValue(new Tagged("a", new ArrayList<>(List.of("b"))));
    assertTrue(
        leaky.get(0).contains("java.util.ArrayList") && leaky.get(0).contains("List.copyOf"),
        leaky.toString());
    var view =
        Immutability.checkValue(
            new Tagged("a", Collections.unmodifiableList(new ArrayList<>(List.of("b")))));
    assertTrue(view.get(0).contains("view"), view.toString());
    var deep = Immutability.checkValue(new Tagged("a", List.of()));
    assertEquals(List.of(), deep);
  }

  @Test
  void number_theory_gives_known_answers() {
    assertEquals(2, NumberTheory.nthPrime(1));
    assertEquals(29, NumberTheory.nthPrime(10));
    assertEquals(7919, NumberTheory.nthPrime(1000));
    assertEquals(List.of(2L, 3L), NumberTheory.uniquePrimeFactors(12));
    assertEquals(List.of(), NumberTheory.uniquePrimeFactors(1));
    assertEquals(List.of(999_983L), NumberTheory.uniquePrimeFactors(999_983));
    assertThrows(IllegalArgumentException.class, () -> NumberTheory.nthPrime(0));
    assertEquals(List.of(11L, 13L, 17L), NumberTheory.primesAfter(7, 3));
    assertEquals(List.of(2L, 3L, 5L), NumberTheory.primesAfter(-4, 3));
    assertEquals(List.of(3L), NumberTheory.primesAfter(2, 1));
    assertEquals(List.of(), NumberTheory.primesAfter(100, 0));
    assertEquals(7919L, NumberTheory.primesAfter(1, 1000).getLast());
    assertThrows(IllegalArgumentException.class, () -> NumberTheory.primesAfter(2, -1));
    assertThrows(IllegalArgumentException.class, () -> NumberTheory.uniquePrimeFactors(0));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
