package course.welcome;

/**
 * Exercise 00: how the course works. Read book/00_welcome.md first.
 *
 * <p>Every exercise is a small Maven module like this one. Its {@code src/main} holds code with
 * {@code TODO}s for you to fill in; its {@code src/test} holds the tests that decide when you are
 * done. Run {@code ./verify.sh} from the top of the repository: it checks the exercises in order
 * and stops at the first one whose tests fail, telling you which test, why, and what to read.
 */
public final class Welcome {

  private Welcome() {}

  /**
   * Returns the course's greeting.
   *
   * @return exactly {@code "Hello, concurrent world!"}
   */
  public static String greeting() {
    // TODO: return the greeting the Javadoc above asks for, then run ./verify.sh again.
    //  Read book/00_welcome.md, "Exercise".
    throw new UnsupportedOperationException("TODO: return \"Hello, concurrent world!\"");
  }
}
