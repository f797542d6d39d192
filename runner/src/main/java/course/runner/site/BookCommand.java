package course.runner.site;

import course.runner.Ansi;
import course.runner.Course;
import course.runner.Progress;
import course.runner.Status;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HashMap;

/** {@code ./verify.sh book [--open]}: renders the book into {@code target/book/}. */
public final class BookCommand {

  private BookCommand() {}

  public static int run(Course course, Ansi ansi, PrintStream out, boolean open) {
    var states = new HashMap<String, String>();
    for (var line : Status.of(course, new Progress(course))) {
      states.put(line.exercise().name(), line.state().label());
    }
    var site = course.root().resolve("target/book");
    var result =
        new BookSite(course.root().resolve("book"), site, course.root(), states::get).render();
    var uri = result.index().toUri();
    out.println(
        ansi.green("✓ ")
            + "The book: %d pages in %s, rendered in %d ms."
                .formatted(result.pages(), course.root().relativize(site), result.millis()));
    out.println("  Open " + uri + " in your browser (works offline).");
    if (open) {
      return openInBrowser(uri.toString(), out);
    }
    out.println(ansi.dim("  ./verify.sh book --open opens it for you."));
    return 0;
  }

  /** Opens the page with the desktop's own opener: open on macOS, xdg-open elsewhere. */
  private static int openInBrowser(String uri, PrintStream out) {
    var opener = System.getProperty("os.name").startsWith("Mac") ? "open" : "xdg-open";
    try {
      new ProcessBuilder(opener, uri).redirectErrorStream(true).start();
      return 0;
    } catch (IOException e) {
      out.println(
          "  Could not start " + opener + " (" + e.getMessage() + "): open the address above.");
      return 2;
    }
  }
}
