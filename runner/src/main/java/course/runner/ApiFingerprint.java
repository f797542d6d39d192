package course.runner;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The API of the classes a compilation produced: every type and member that is not private, with
 * its modifiers, types and constant values (constants are copied into the code that uses them).
 * Method bodies do not count.
 *
 * <p>The tests of an exercise need compiling again only when this changes: a learner who edits a
 * method's body (nearly every save) saves the second compilation.
 */
final class ApiFingerprint implements TaskListener {

  private final TreeSet<String> members = new TreeSet<>();

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() == TaskEvent.Kind.ANALYZE && event.getTypeElement() != null) {
      add(event.getTypeElement());
    }
  }

  private void add(Element element) {
    if (element.getModifiers().contains(Modifier.PRIVATE)) {
      return;
    }
    var line =
        new StringBuilder()
            .append(element.getKind())
            .append(' ')
            .append(element.getModifiers())
            .append(' ')
            .append(element.getEnclosingElement())
            .append('.')
            .append(element)
            .append(' ')
            .append(element.asType());
    if (element instanceof TypeElement type) {
      line.append(" extends ")
          .append(type.getSuperclass())
          .append(" implements ")
          .append(type.getInterfaces())
          .append(" permits ")
          .append(type.getPermittedSubclasses());
    }
    if (element instanceof VariableElement field && field.getConstantValue() != null) {
      line.append(" = ").append(field.getConstantValue());
    }
    line.append(' ').append(element.getAnnotationMirrors());
    members.add(line.toString());
    for (var member : element.getEnclosedElements()) {
      add(member);
    }
  }

  /** The fingerprint of everything seen so far. */
  String digest() {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var member : members) {
        digest.update(member.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
