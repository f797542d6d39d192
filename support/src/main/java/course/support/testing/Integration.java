package course.support.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class of code that puts the chapter's parts together (chapter 12's {@code Pipeline},
 * built on the learner's {@code BoundedBuffer}; chapter 17's {@code siteMap}, built on its {@code
 * normalise}) rather than of a part itself. A bug in a part breaks what is built on it too, often
 * as a hang far from its cause; the part's own tests say what is wrong in the words of the lesson.
 * So these classes run after the others ({@link PartsFirst}, the course's class order, set in
 * {@code junit-platform.properties}), and the course's runner shows their failures after those of
 * the parts: a hang of a part first, then the parts' failures, then a hang here, then the failures
 * here, and {@link BadInput} last, as always.
 *
 * <p>It is the JUnit tag {@code integration}.
 *
 * <pre>{@code
 * @Integration
 * class PipelineTest { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Tag(Integration.TAG)
public @interface Integration {
  /** The JUnit tag this annotation stands for. */
  String TAG = "integration";
}
