package course.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The child's standard output carries its answer and nothing of the JVM's. */
class ChildJvmTest {

  /** The child: prints its answer and nothing else. */
  public static final class Answer {
    public static void main(String[] args) {
      System.out.print("42");
    }
  }

  @Test
  void a_jvm_message_never_reaches_the_childs_standard_output() throws Exception {
    var builder = new ProcessBuilder(ChildJvm.command(Answer.class));
    // A class-data archive that is not there: the JVM logs an error about it at start-up, which
    // goes to standard output unless the command sends the JVM's own messages elsewhere.
    builder.environment().put("JDK_JAVA_OPTIONS", "-XX:SharedArchiveFile=/no/such/archive.jsa");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    var child = builder.start();
    try {
      var output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end within 60 s");
      assertEquals(
          "42",
          output,
          "The child printed only \"42\"; anything more on its standard output came from the JVM,"
              + " and a parent would read it as part of the answer.");
    } finally {
      child.destroyForcibly();
    }
  }
}
