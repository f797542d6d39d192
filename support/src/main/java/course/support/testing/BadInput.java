package course.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test of bad or edge input ({@code null}, {@code n <= 0}, an empty text) rather than of
 * the chapter's lesson. It is the JUnit tag {@code bad-input}: when several tests fail, the
 * course's runner shows the lesson's failures first and these after, so the learner fixes the
 * concurrency before the argument checks.
 *
 * <pre>{@code
 * @Test
 * @BadInput
 * void rejects_a_null_text() { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(BadInput.TAG)
public @interface BadInput {
  /** The JUnit tag this annotation stands for. */
  String TAG = "bad-input";
}
