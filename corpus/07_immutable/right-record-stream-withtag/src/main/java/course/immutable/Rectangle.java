package course.immutable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An immutable rectangle. */
public record Rectangle(double width, double height, List<String> tags) {

  public Rectangle {
    checkSize("width", width);
    checkSize("height", height);
    tags = List.copyOf(Objects.requireNonNull(tags, "tags must not be null"));
  }

  private static void checkSize(String what, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(what + " must be finite and at least 0, got " + value);
    }
  }

  /** Width times height. */
  public double area() {
    return width * height;
  }

  public Rectangle withWidth(double width) {
    return new Rectangle(width, height, tags);
  }

  public Rectangle withTag(String tag) {
    Objects.requireNonNull(tag, "tag must not be null");
    return new Rectangle(
        width, height, java.util.stream.Stream.concat(tags.stream(), java.util.stream.Stream.of(tag)).toList());
  }
}
