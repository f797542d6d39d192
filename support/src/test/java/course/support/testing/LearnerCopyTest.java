package course.support.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.testing.copied.Sharing;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LearnerCopyTest {

  private static final LearnerCopy COPY = LearnerCopy.of(Sharing.class).load();

  private static LearnerCopy.Watched<Integer> watch(String method) throws Exception {
    return LearnerCopy.watchPlainCollections(COPY.<Integer>staticCall(Sharing.class, method));
  }

  @ParameterizedTest
  @ValueSource(strings = {"unlockedAdds", "methodReferenceAdds"})
  void reports_a_plain_collection_two_threads_change_without_a_lock(String method)
      throws Exception {
    var watched = watch(method);
    assertEquals(1, watched.shared().size(), watched.shared().toString());
    var shared = watched.shared().getFirst();
    assertEquals("HashSet", shared.type());
    assertTrue(shared.where().startsWith("Sharing.java:"), shared.where());
    assertTrue(shared.change().equals("Set.add") || shared.change().equals("HashSet.add"));
    assertTrue(shared.threads().contains("'first'"), shared.toString());
    assertTrue(
        shared.threads().stream().anyMatch(name -> name.startsWith("virtual thread #")),
        shared.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "synchronizedAdds",
        "reentrantLockAdds",
        "synchronizedMethodAdds",
        "callerOnly",
        "listsOfTheirOwn",
        "concurrentAdds"
      })
  void reports_nothing_when_each_change_is_safe(String method) throws Exception {
    var watched = watch(method);
    assertEquals(java.util.List.of(), watched.shared());
  }

  @Test
  void reports_nothing_outside_a_watch() throws Exception {
    assertEquals(2, COPY.<Integer>staticCall(Sharing.class, "unlockedAdds").call());
  }

  @Test
  void replaces_a_constant_in_the_copy_only() throws Exception {
    var copy =
        LearnerCopy.of(Sharing.class)
            .withConstant(Sharing.class, "TIMEOUT", Duration.ofMillis(5))
            .load();
    assertEquals(Duration.ofMillis(5), copy.staticCall(Sharing.class, "timeout").call());
    assertEquals(Duration.ofSeconds(10), Sharing.TIMEOUT);
    assertEquals(Duration.ofSeconds(10), COPY.staticCall(Sharing.class, "timeout").call());
  }
}
