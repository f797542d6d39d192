package course.immutable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An immutable rectangle. */
public final class Rectangle {
  private final double width;
  private final double height;
  private final List<String> tags;
  private double cachedArea = -1; // computed on first use

  public Rectangle(double width, double height, List<String> tags) {
    checkSize("width", width);
    checkSize("height", height);
    this.width = width;
    this.height = height;
    this.tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
  }

  private static void checkSize(String what, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException(what + " must be finite and at least 0, got " + value);
    }
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  public List<String> tags() {
    return tags;
  }

  public double area() {
    if (cachedArea < 0) cachedArea = width * height;
    return cachedArea;
  }

  public Rectangle withWidth(double width) {
    return new Rectangle(width, height, tags);
  }

  public Rectangle withTag(String tag) {
    Objects.requireNonNull(tag, "tag");
    var more = new ArrayList<>(tags);
    more.add(tag);
    return new Rectangle(width, height, more);
  }
}
