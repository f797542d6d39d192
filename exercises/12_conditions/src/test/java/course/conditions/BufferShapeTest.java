package course.conditions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.CacheMode;
import com.tngtech.archunit.lang.ArchRule;
import course.support.testing.ExerciseClasses;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.Test;

/**
 * What the buffer is built from: one ReentrantLock and two Conditions, nothing that does the
 * waiting for you. The compiled classes are read (ArchUnit) and the fields of a live buffer are
 * looked at (reflection).
 */
@AnalyzeClasses(
    locations = ExerciseClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class,
    cacheMode = CacheMode.PER_CLASS)
class BufferShapeTest {

  private static final String BUFFER = "course\\.conditions\\.BoundedBuffer(\\$.*)?";

  @ArchTest
  static final ArchRule the_buffer_uses_no_ready_made_queue =
      noClasses()
          .that()
          .haveNameMatching(BUFFER)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("java.util.concurrent")
          .because(
              "the exercise is to write the waiting yourself, with a ReentrantLock and two "
                  + "Conditions (java.util.concurrent.locks); an ArrayBlockingQueue or another "
                  + "class of java.util.concurrent does it for you");

  @ArchTest
  static final ArchRule the_buffer_does_not_wait_on_its_monitor =
      noClasses()
          .that()
          .haveNameMatching(BUFFER)
          .should()
          .callMethodWhere(
              JavaCall.Predicates.target(HasName.Predicates.nameMatching("wait|notify|notifyAll")))
          .because(
              "this chapter is about Conditions: await() and signal() on conditions of a "
                  + "ReentrantLock, instead of synchronized, wait() and notify()");

  @ArchTest
  static final ArchRule the_buffer_has_no_synchronized_methods =
      noMethods()
          .that()
          .areDeclaredInClassesThat()
          .haveNameMatching(BUFFER)
          .should()
          .haveModifier(JavaModifier.SYNCHRONIZED)
          .because(
              "the buffer's lock is its ReentrantLock: synchronized methods take another lock "
                  + "(the object's monitor), which its Conditions know nothing of");

  @Test
  void has_one_reentrant_lock_and_two_conditions_made_by_it() {
    Inside.conditionsOf(new BoundedBuffer<Object>(1));
  }

  @Test
  void take_and_put_wait_on_different_conditions() {
    try (var actors = new Actors()) {
      var buffer = new BoundedBuffer<Object>(1);
      var lock = Inside.lockOf(buffer);
      var conditions = Inside.conditionsOf(buffer);
      var taker = actors.take(buffer).awaitParked("take() on an empty buffer must wait.");
      Condition takersWaitOn = waitedOn(buffer, conditions, "take() on an empty buffer");
      BoundedBufferTest.put(buffer, "a");
      taker.awaitDone("put() must wake the waiting take().");
      BoundedBufferTest.put(buffer, "b");
      var putter = actors.put(buffer, "c").awaitParked("put() on a full buffer must wait.");
      Condition puttersWaitOn = waitedOn(buffer, conditions, "put() on a full buffer");
      if (takersWaitOn == puttersWaitOn) {
        throw new AssertionError(
            "take() and put() wait on the same Condition: give each side its own (notEmpty for "
                + "take, notFull for put), so that a signal reaches a thread that can use it.");
      }
      BoundedBufferTest.close(buffer);
      putter.awaitDone("close() must wake a waiting put().");
      Inside.assertFree(lock, "close()");
    }
  }

  private static Condition waitedOn(
      BoundedBuffer<?> buffer, java.util.List<Condition> conditions, String what) {
    var lock = Inside.lockOf(buffer);
    var waitedOn =
        conditions.stream().filter(condition -> Inside.waitingOn(lock, condition) > 0).toList();
    if (waitedOn.size() != 1) {
      throw new AssertionError(
          "%s waits, but not on one of the buffer's two Conditions: await() on the buffer's own conditions."
              .formatted(what));
    }
    return waitedOn.get(0);
  }
}
