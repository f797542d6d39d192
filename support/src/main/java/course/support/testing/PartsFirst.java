package course.support.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The course's order of test classes: every class marked {@link Integration} after the others,
 * otherwise the order in which JUnit found them (the sort is stable). Set as {@code
 * junit.jupiter.testclass.order.default} in the support module's {@code junit-platform.properties},
 * so Maven's Surefire and the course's runner both use it.
 */
public final class PartsFirst implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(Comparator.comparing(descriptor -> descriptor.isAnnotated(Integration.class)));
  }
}
