package course.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import course.support.testing.Texts;
import java.nio.CharBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InterruptibleWorkTest {

  @Test
  void counts_like_chunks_countWords() throws InterruptedException {
    for (long seed = 1; seed <= 30; seed++) {
      var text = Texts.generate(seed, (int) seed * 101);
      assertEquals(Texts.words(text).size(), InterruptibleWork.countWords(text), "seed " + seed);
      assertEquals(Chunks.countWordsUnobserved(text), InterruptibleWork.countWords(text));
    }
    assertEquals(0, InterruptibleWork.countWords(""));
    assertEquals(0, InterruptibleWork.countWords(" \t\u2003\n"));
    assertEquals(2, InterruptibleWork.countWords(CharBuffer.wrap("x😀y a\u00A0b")));
    assertEquals(1, InterruptibleWork.countWords("\uD800"), "a lone surrogate is a word");
    assertThrows(NullPointerException.class, () -> InterruptibleWork.countWords(null));
  }

  @Test
  void an_interrupted_thread_is_refused_before_any_work_and_its_status_is_cleared() {
    var calls = new AtomicInteger();
    try (var ignored =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                calls.incrementAndGet();
              }
            })) {
      Thread.currentThread().interrupt();
      assertThrows(InterruptedException.class, () -> InterruptibleWork.countWords("a b c"));
      assertFalse(Thread.currentThread().isInterrupted(), "the status is cleared when it throws");
      assertEquals(0, calls.get(), "no work is reported for a thread already interrupted");
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void an_interrupt_handed_on_by_a_listener_stops_the_count() {
    // Tests hold workers in beforeWork and hand the interrupt on by setting the status again.
    try (var ignored =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                Thread.currentThread().interrupt();
              }
            })) {
      assertThrows(InterruptedException.class, () -> InterruptibleWork.countWords("a b c"));
      assertFalse(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void an_interrupt_during_the_count_stops_it_within_a_few_thousand_characters() {
    var text = Texts.uniform("word", 100_000);
    int interruptAt = 50_000;
    var furthest = new AtomicInteger();
    // A text that interrupts its reader at one position, and remembers how far it was read.
    CharSequence tripwire =
        new CharSequence() {
          @Override
          public int length() {
            return text.length();
          }

          @Override
          public char charAt(int index) {
            furthest.accumulateAndGet(index, Math::max);
            if (index == interruptAt) {
              Thread.currentThread().interrupt();
            }
            return text.charAt(index);
          }

          @Override
          public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
          }
        };
    try {
      assertThrows(InterruptedException.class, () -> InterruptibleWork.countWords(tripwire));
      assertFalse(Thread.currentThread().isInterrupted(), "the status is cleared when it throws");
      assertTrue(
          furthest.get() <= interruptAt + InterruptibleWork.CHECK_EVERY + 1,
          "read up to " + furthest.get() + " after an interrupt at " + interruptAt);
    } finally {
      Thread.interrupted();
    }
  }
}
