package course.immutable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.Immutability;
import course.support.testing.BadInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RectangleTest {

  @Test
  void keeps_its_size_and_tags() {
    var rectangle = new Rectangle(3, 4, List.of("door", "red"));
    assertEquals(3, rectangle.width(), "width() of new Rectangle(3, 4, tags) must be 3.");
    assertEquals(4, rectangle.height(), "height() of new Rectangle(3, 4, tags) must be 4.");
    assertEquals(
        List.of("door", "red"), rectangle.tags(), "tags() must return the tags, in order.");
    assertEquals(12, rectangle.area(), "area() of a 3 by 4 rectangle must be 12.");
  }

  @Test
  void keeps_its_own_copy_of_the_tags() {
    var tags = new ArrayList<>(List.of("door"));
    var rectangle = new Rectangle(3, 4, tags);
    tags.add("window");
    tags.set(0, "wall");
    assertEquals(
        List.of("door"),
        rectangle.tags(),
        "The caller changed the list it passed to the constructor, and the rectangle's tags changed with it: the rectangle shares the caller's list. Keep a copy instead: tags = List.copyOf(tags). (Collections.unmodifiableList is not a copy, only a read-only view of the same list.)");
  }

  @Test
  void does_not_let_anyone_change_its_tags() {
    var rectangle = new Rectangle(3, 4, new ArrayList<>(List.of("door")));
    try {
      rectangle.tags().add("window");
    } catch (UnsupportedOperationException expected) {
      // the list is immutable: good
    }
    assertEquals(
        List.of("door"),
        rectangle.tags(),
        "rectangle.tags().add(\"window\") changed the rectangle: tags() hands out a list that can be changed. Store List.copyOf(tags), which cannot be.");
  }

  @Test
  void passes_the_course_immutability_check() {
    var rectangle = new Rectangle(3, 4, new ArrayList<>(List.of("door")));
    var reasons = Immutability.checkValue(rectangle);
    assertEquals(
        List.of(),
        reasons,
        "course.support.Immutability says a Rectangle may change after construction, so Guarded will not let anyone read it without the global lock. Its reasons: "
            + String.join(" ", reasons));
  }

  @Test
  void with_width_returns_a_new_rectangle_and_leaves_this_one_alone() {
    var original = new Rectangle(3, 4, List.of("door"));
    var wider = original.withWidth(10);
    assertNotSame(original, wider, "withWidth must return a new Rectangle.");
    assertEquals(10, wider.width(), "withWidth(10) must return a rectangle 10 wide.");
    assertEquals(4, wider.height(), "withWidth must keep the height.");
    assertEquals(List.of("door"), wider.tags(), "withWidth must keep the tags.");
    assertEquals(3, original.width(), "withWidth must not change the original rectangle.");
  }

  @Test
  void with_tag_adds_a_tag_to_the_new_rectangle_only() {
    var original = new Rectangle(3, 4, List.of("door"));
    var tagged = original.withTag("red");
    assertEquals(
        List.of("door", "red"), tagged.tags(), "withTag(\"red\") must add \"red\" at the end.");
    assertEquals(
        List.of("door"), original.tags(), "withTag must not change the original rectangle.");
    assertEquals(
        List.of(),
        Immutability.checkValue(tagged),
        "The rectangle that withTag returns must be immutable too: build it with the constructor, which copies the tags.");
    assertThrows(
        NullPointerException.class,
        () -> original.withTag(null),
        "withTag(null) must throw NullPointerException.");
  }

  @Test
  void accepts_a_rectangle_of_size_zero() {
    assertEquals(0, new Rectangle(0, 5, List.of()).area(), "A 0 by 5 rectangle has area 0.");
  }

  @Test
  @BadInput
  void rejects_impossible_sizes() {
    for (double bad : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThrows(
          IllegalArgumentException.class,
          () -> new Rectangle(bad, 1, List.of()),
          "new Rectangle(%s, 1, tags) must throw IllegalArgumentException.".formatted(bad));
      assertThrows(
          IllegalArgumentException.class,
          () -> new Rectangle(1, bad, List.of()),
          "new Rectangle(1, %s, tags) must throw IllegalArgumentException.".formatted(bad));
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> new Rectangle(1, 1, List.of()).withWidth(-2),
        "withWidth(-2) must throw IllegalArgumentException.");
  }

  @Test
  @BadInput
  void rejects_null_tags() {
    assertThrows(
        NullPointerException.class,
        () -> new Rectangle(1, 1, null),
        "new Rectangle(1, 1, null) must throw NullPointerException.");
    assertThrows(
        NullPointerException.class,
        () -> new Rectangle(1, 1, Arrays.asList("door", null)),
        "new Rectangle(1, 1, [\"door\", null]) must throw NullPointerException (List.copyOf does).");
  }
}
