package course.bench.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class MeasureTest {

  @Test
  void every_program_has_a_name_of_its_own() {
    var names = new HashSet<String>();
    for (var program : Measure.PROGRAMS) {
      assertTrue(names.add(program.name()), "two programs are named " + program.name());
      assertEquals(program, Measure.find(program.name()).orElseThrow());
    }
  }

  @Test
  void every_program_is_in_the_table_of_contributing_and_quoted_where_it_says() throws IOException {
    var root = Path.of("..");
    var contributing = Files.readString(root.resolve("CONTRIBUTING.md"));
    for (var program : Measure.PROGRAMS) {
      if (program.name().equals("runs")) {
        continue; // runner/measure.sh's helper: its row is runner/measure.sh's
      }
      assertTrue(
          contributing.contains("`bench/measure.sh " + program.name()),
          "CONTRIBUTING.md, \"Where measurements live\", has no row for bench/measure.sh "
              + program.name()
              + ": add one");
      var page = Files.readString(root.resolve(program.quotedIn()));
      assertTrue(
          page.contains("bench/measure.sh " + program.name()),
          program.quotedIn()
              + " is said to quote "
              + program.name()
              + " but never shows its command");
    }
  }
}
