package course.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compiler's errors, all of them, with what javac says of each. */
class CompilationTest {

  @Test
  void gives_every_error_with_its_symbol_line_and_column(@TempDir Path dir) throws Exception {
    var sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("demo"));
    Files.writeString(
        sources.resolve("demo/Broken.java"),
        """
        package demo;

        public class Broken {
          static long count() {
            var q = new LinkedBlockingQueue<Long>();
            long total = 0;
            return totl;
          }
        }
        """);
    var result = Compilation.compile(sources, dir.resolve("none"), List.of(), dir.resolve("out"));
    var errors = result.errors();
    assertEquals(2, errors.size(), "errors: " + errors);
    assertTrue(errors.get(1).message().contains("variable totl"), errors.get(1).message());
    var missing =
        errors.stream()
            .filter(e -> e.summary().equals("cannot find symbol"))
            .findFirst()
            .orElseThrow();
    assertTrue(missing.message().contains("symbol:"), missing.message());
    assertEquals(5, missing.line());
    assertEquals(
        List.of("var q = new LinkedBlockingQueue<Long>();", "            ^"),
        missing.sourceAndCaret());
  }
}
