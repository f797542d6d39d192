package course.immutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.GlobalLock;
import course.support.Guarded;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.ForcedInterleaving;
import course.support.testing.NoLeftovers;
import course.support.testing.SharedUpdates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeftovers.class)
class ShapesTest {

  private static double areaWithoutTheLock(Guarded<Rectangle> rectangle) {
    try {
      return Deadline.call(
          Duration.ofSeconds(10),
          () -> Shapes.area(rectangle),
          "Shapes.area(rectangle)",
          "Shapes.area must not wait for the global lock.");
    } catch (IllegalStateException e) {
      throw new AssertionError(
          "Shapes.area could not read the rectangle without "
              + GlobalLock.NAME
              + ". Make Rectangle immutable first. What Guarded said: "
              + e.getMessage(),
          e);
    }
  }

  @Test
  void reads_the_area_without_the_global_lock() {
    var rectangle = Guarded.of(new Rectangle(3, 4, new ArrayList<>(List.of("door"))));
    assertEquals(
        12, areaWithoutTheLock(rectangle), "Shapes.area of a 3 by 4 rectangle must be 12.");
  }

  @Test
  void reads_the_area_while_another_thread_holds_the_global_lock() throws InterruptedException {
    var rectangle = Guarded.of(new Rectangle(2, 5, List.of()));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var holder =
        Thread.ofPlatform()
            .name("lock-holder")
            .start(
                () ->
                    GlobalLock.attach(
                        () -> {
                          holding.countDown();
                          try {
                            release.await();
                          } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                          }
                        }));
    try {
      holding.await();
      double area;
      try {
        area =
            Deadline.call(
                Duration.ofSeconds(3),
                () -> Shapes.area(rectangle),
                "Shapes.area(rectangle), while another thread holds the global lock",
                "Shapes.area waited for "
                    + GlobalLock.NAME
                    + ": an immutable Rectangle can be read "
                    + "without it, so do not call GlobalLock.attach in Shapes.area.");
      } catch (IllegalStateException e) {
        throw new AssertionError(
            "Shapes.area could not read the rectangle without "
                + GlobalLock.NAME
                + ": "
                + e.getMessage(),
            e);
      }
      assertEquals(10, area, "Shapes.area of a 2 by 5 rectangle must be 10.");
    } finally {
      release.countDown();
      holder.join();
    }
  }

  @Test
  void two_callers_at_once_each_get_the_area_of_their_own_rectangle() throws Exception {
    // The test holds one caller before each of its steps in turn while a second caller computes
    // the area of another rectangle in full. State that one call leaves where the next can reach
    // it (a static field) hands the first caller the second one's rectangle.
    var copy = ForcedInterleaving.load(Shapes.class);
    var rectangle =
        copy.copyOf(Rectangle.class).getConstructor(double.class, double.class, List.class);
    var small = Guarded.of(rectangle.newInstance(2.0, 3.0, List.of()));
    var large = Guarded.of(rectangle.newInstance(5.0, 7.0, List.of()));
    var overlaps =
        Deadline.call(
            Duration.ofSeconds(60),
            () ->
                copy.everyOverlap(
                    copy.<Double>staticCall(Shapes.class, "area", small),
                    copy.<Double>staticCall(Shapes.class, "area", large)),
            "Shapes.area(2 by 3) and Shapes.area(5 by 7) at the same time",
            "Shapes.area should never wait: read the rectangle once and compute.");
    for (var overlap : overlaps) {
      if (overlap.first() != 6.0 || overlap.second() != 35.0) {
        var pause = overlap.pause();
        fail(
            ("Two threads called Shapes.area at once, one with a 2 by 3 rectangle, one with a 5 by "
                    + "7 one, and got %s and %s instead of 6.0 and 35.0. The test held the first "
                    + "at %s, just before %s (in %s), while the second ran in full. Keep what one "
                    + "call reads in its own local variables: a static field is shared by every "
                    + "caller at once.")
                .formatted(
                    overlap.first(),
                    overlap.second(),
                    pause == null ? "no step" : pause.where(),
                    pause == null ? "nothing" : pause.what(),
                    pause == null ? "area" : pause.method()));
      }
    }
  }

  @Test
  void reads_the_new_value_after_another_thread_replaces_it() throws InterruptedException {
    var rectangle = Guarded.of(new Rectangle(2, 5, List.of()));
    assertEquals(10, areaWithoutTheLock(rectangle), "A 2 by 5 rectangle has an area of 10.");
    var writer =
        Thread.ofPlatform()
            .name("writer")
            .start(() -> GlobalLock.attach(() -> rectangle.set(rectangle.get().withWidth(7))));
    writer.join();
    assertEquals(
        35,
        areaWithoutTheLock(rectangle),
        "Shapes.area gave 10 for a 2 by 5 rectangle; then another thread replaced it with a 7 by 5 one, so Shapes.area must now be 35. Read the rectangle from its holder at every call: an area kept from an earlier call is out of date as soon as someone replaces the rectangle.");
  }

  @Test
  @BadInput
  void rejects_a_null_rectangle() {
    assertThrows(
        NullPointerException.class,
        () -> Shapes.area(null),
        "Shapes.area(null) must throw NullPointerException.");
  }

  @Test
  void reads_the_shared_rectangle_only_once() {
    // Another thread may replace the rectangle between two get()s; the area would then multiply
    // the old width by the new height. That window is nanoseconds wide: the course reads the code.
    var reads = SharedUpdates.callsOf(Shapes.class, "course/support/Guarded.get");
    if (reads.size() > 1) {
      throw new AssertionError(
          "Shapes calls Guarded.get() %d times (%s): another thread may replace the rectangle in between, and the area would mix two rectangles. Read rectangle.get() once into a local variable and compute from it."
              .formatted(reads.size(), reads.stream().map(r -> "line " + r.line()).toList()));
    }
  }
}
