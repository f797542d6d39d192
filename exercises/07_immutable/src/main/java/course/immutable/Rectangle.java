package course.immutable;

import java.util.List;

/**
 * Exercise 07: make this rectangle immutable. Read book/07_immutable.md first.
 *
 * <p>A rectangle with a width, a height and a list of tags (labels such as "door" or "window"). As
 * given, it can change after it is built: its fields are not final, it has setters, and it keeps
 * (and hands out) the very list its creator passed in, so whoever still holds that list can change
 * the rectangle's tags behind its back. Shared between threads, such an object needs a lock for
 * every read; {@code course.support.Guarded} refuses to let anyone read it without one.
 *
 * <p>Your job: turn it into an immutable type. A record is the shortest way; a {@code final} class
 * with {@code private final} fields works too. Keep the public API below (constructor, {@code
 * width()}, {@code height()}, {@code tags()}, {@code area()}, {@code withWidth}, {@code withTag}),
 * delete the setters, and make sure the tags can never change after construction.
 */
public class Rectangle {

  // TODO: make the type final (or a record), and every field private and final.
  //  Read book/07_immutable.md, "Records".
  private double width;
  private double height;
  private List<String> tags;

  /**
   * A rectangle of the given size, with the given tags.
   *
   * <p>Keeps its own immutable copy of {@code tags} ({@code List.copyOf(tags)}), so that changing
   * the list passed in afterwards does not change the rectangle, and nobody can change the list
   * that {@link #tags()} returns.
   *
   * @param width the width; finite and at least 0
   * @param height the height; finite and at least 0
   * @param tags the tags, in order; may be empty
   * @throws IllegalArgumentException if {@code width} or {@code height} is negative, infinite or
   *     NaN
   * @throws NullPointerException if {@code tags} or one of its elements is null
   */
  public Rectangle(double width, double height, List<String> tags) {
    // TODO: check the arguments, and keep a copy of the tags (List.copyOf), not the caller's list.
    //  Read book/07_immutable.md, "Defensive copies".
    this.width = width;
    this.height = height;
    this.tags = tags;
  }

  /** The width. */
  public double width() {
    return width;
  }

  /** The height. */
  public double height() {
    return height;
  }

  /** The tags, in order; a list that cannot be changed. */
  public List<String> tags() {
    return tags;
  }

  /** Width times height. */
  public double area() {
    return width * height;
  }

  // TODO: delete the setters. An immutable object is never changed: you make a new one.
  public void setWidth(double width) {
    this.width = width;
  }

  public void setHeight(double height) {
    this.height = height;
  }

  /**
   * A new rectangle like this one with another width; this one is left as it is.
   *
   * @throws IllegalArgumentException if {@code width} is negative, infinite or NaN
   */
  public Rectangle withWidth(double width) {
    // TODO: return a new Rectangle (book/07_immutable.md, "Safe publication": replace, never
    //  mutate).
    throw new UnsupportedOperationException("TODO: return a new Rectangle with another width");
  }

  /**
   * A new rectangle like this one with {@code tag} added at the end of its tags; this one is left
   * as it is.
   *
   * @throws NullPointerException if {@code tag} is null
   */
  public Rectangle withTag(String tag) {
    // TODO: return a new Rectangle whose tags are this one's plus `tag`; the constructor copies
    //  them (book/07_immutable.md, "Defensive copies").
    throw new UnsupportedOperationException("TODO: return a new Rectangle with one more tag");
  }
}
