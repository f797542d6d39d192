package course.welcome;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WelcomeTest {

  @Test
  void greets_the_concurrent_world() {
    assertEquals(
        "Hello, concurrent world!",
        Welcome.greeting(),
        "Welcome.greeting() must return the exact greeting its Javadoc names, punctuation included.");
  }
}
