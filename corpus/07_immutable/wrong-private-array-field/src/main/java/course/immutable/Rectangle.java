package course.immutable;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** An immutable rectangle. */
public final class Rectangle {
  private final double width;
  private final double height;
  private final String[] tags;

  public Rectangle(double width, double height, List<String> tags) {
    checkSize("width", width);
    checkSize("height", height);
    this.width = width;
    this.height = height;
    this.tags = List.copyOf(Objects.requireNonNull(tags, "tags")).toArray(new String[0]);
  }

  private static void checkSize(String what, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(what + " must be finite and at least 0, got " + value);
    }
  }

  public double width() { return width; }
  public double height() { return height; }
  public List<String> tags() { return List.of(tags); }
  public double area() { return width * height; }

  public Rectangle withWidth(double width) {
    return new Rectangle(width, height, tags());
  }

  public Rectangle withTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    var more = Arrays.copyOf(tags, tags.length + 1);
    more[tags.length] = tag;
    return new Rectangle(width, height, Arrays.asList(more));
  }
}
