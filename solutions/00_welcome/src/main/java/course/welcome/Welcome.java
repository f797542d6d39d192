package course.welcome;

/** Exercise 00, solved: the greeting. */
public final class Welcome {

  private Welcome() {}

  /**
   * Returns the course's greeting.
   *
   * @return exactly {@code "Hello, concurrent world!"}
   */
  public static String greeting() {
    return "Hello, concurrent world!";
  }
}
