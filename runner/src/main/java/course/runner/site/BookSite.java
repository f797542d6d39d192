package course.runner.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders the book ({@code book/}: {@code SUMMARY.md} and its chapters) into a static site that
 * works offline and from {@code file://}: one HTML page per chapter with the table of contents in a
 * sidebar, previous and next links (and the arrow keys), a search over every chapter, highlighted
 * code, and light and dark themes that follow the system's setting.
 *
 * <p>Markdown is read by commonmark-java (with its tables extension); code is highlighted in the
 * browser by highlight.js, which the WebJar {@code org.webjars:highlightjs} carries. The search
 * index is a script ({@code search-index.js}), not a JSON file, because a page opened from {@code
 * file://} may not fetch files.
 */
public final class BookSite {

  /** What a render made: the first page, how many pages, and how long it took. */
  public record Result(Path index, int pages, long millis) {}

  /** Where each exercise stands, by folder name ({@code 03_threads}): "done", "current", … */
  public interface Progress {
    String stateOf(String exercise);

    Progress NONE = exercise -> null;
  }

  private static final String HIGHLIGHT_JS = "META-INF/resources/webjars/highlightjs/11.10.0/";
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private final Path book;
  private final Path site;
  private final Path root;
  private final Progress progress;
  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

  /**
   * A renderer of the book in {@code book} into {@code site}.
   *
   * @param root the course's root, where the exercises' folders are (for each chapter's exercise)
   * @param progress the learner's progress, shown in the sidebar
   */
  public BookSite(Path book, Path site, Path root, Progress progress) {
    this.book = book.toAbsolutePath().normalize();
    this.site = site.toAbsolutePath().normalize();
    this.root = root.toAbsolutePath().normalize();
    this.progress = progress;
  }

  /** Renders every page of the summary, the search index and the assets; returns the result. */
  public Result render() {
    long start = System.nanoTime();
    var summary = Summary.parse(read(book.resolve("SUMMARY.md")));
    var pages = summary.entries();
    var files = new HashSet<String>();
    pages.forEach(page -> files.add(page.file()));
    deleteTree(site);
    var index = new StringBuilder("window.BOOK_INDEX = [\n");
    for (int i = 0; i < pages.size(); i++) {
      var page = pages.get(i);
      var document = parser.parse(read(book.resolve(page.file())));
      var ids = headingIds(document);
      addExerciseCard(document, page);
      var html =
          HtmlRenderer.builder()
              .extensions(EXTENSIONS)
              .attributeProviderFactory(
                  context ->
                      (node, tag, attributes) -> {
                        if (node instanceof Heading heading && ids.containsKey(heading)) {
                          attributes.put("id", ids.get(heading));
                        } else if (node instanceof Link && attributes.containsKey("href")) {
                          attributes.put("href", target(attributes.get("href"), files));
                        } else if (node instanceof Image && attributes.containsKey("src")) {
                          attributes.put("src", target(attributes.get("src"), files));
                        }
                      })
              .build()
              .render(document);
      var previous = i > 0 ? pages.get(i - 1) : null;
      var next = i + 1 < pages.size() ? pages.get(i + 1) : null;
      write(site.resolve(page.html()), Page.html(page, html, summary, progress, previous, next));
      index.append(SearchIndex.entry(page, document, ids)).append(",\n");
    }
    index.append("];\n");
    write(site.resolve("search-index.js"), index.toString());
    if (!pages.isEmpty()) {
      write(site.resolve("index.html"), Page.redirect(pages.getFirst().html()));
    }
    copyImages();
    copyAssets();
    return new Result(
        site.resolve("index.html"), pages.size(), (System.nanoTime() - start) / 1_000_000);
  }

  /**
   * Where a link of a chapter points in the site: another chapter's page, an image copied beside
   * the pages, or (for the exercises' files and the rest of the repository) the file itself.
   */
  String target(String href, Set<String> pages) {
    if (href.isEmpty() || href.startsWith("#") || SCHEME.matcher(href).find()) {
      return href;
    }
    int hash = href.indexOf('#');
    var path = hash < 0 ? href : href.substring(0, hash);
    var fragment = hash < 0 ? "" : href.substring(hash);
    if (pages.contains(path)) {
      return path.replaceFirst("\\.md$", ".html") + fragment;
    }
    var file = book.resolve(path).normalize();
    if (file.startsWith(book.resolve("img"))) {
      return path + fragment;
    }
    return site.relativize(file).toString().replace('\\', '/') + fragment;
  }

  /** One id per heading, unique in its page, as GitHub makes them: "Start them all" gives … */
  private static Map<Heading, String> headingIds(Node document) {
    var ids = new IdentityHashMap<Heading, String>();
    var generator = IdGenerator.builder().build();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Heading heading) {
            ids.put(heading, generator.generateId(Summary.textOf(heading)));
          }
        });
    return ids;
  }

  /**
   * Under the chapter's "Exercise" heading, a card: the files to edit (the stub's files that hold a
   * TODO), the command that checks them and the one that gives a hint.
   */
  private void addExerciseCard(Node document, Summary.Entry page) {
    var exercise = page.exercise();
    if (exercise == null) {
      return;
    }
    var folder = root.resolve("exercises").resolve(exercise);
    var stubs = filesWithTodo(folder.resolve("src/main/java"));
    for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading heading
          && heading.getLevel() == 2
          && Summary.textOf(heading).equals("Exercise")) {
        var card = new StringBuilder("<div class=\"exercise-card\">\n<dl>\n<dt>Edit</dt>\n");
        for (var stub : stubs) {
          var relative = root.relativize(stub).toString().replace('\\', '/');
          card.append("<dd><a class=\"stub\" href=\"")
              .append(Page.escape(site.relativize(stub).toString().replace('\\', '/')))
              .append("\"><code>")
              .append(Page.escape(relative))
              .append("</code></a></dd>\n");
        }
        var number = exercise.substring(0, 2);
        card.append("<dt>Check</dt>\n<dd><code>./verify.sh</code> (or <code>./verify.sh watch")
            .append("</code>)</dd>\n<dt>Stuck?</dt>\n<dd><code>./verify.sh hint ")
            .append(number)
            .append("</code></dd>\n</dl>\n</div>\n");
        var block = new HtmlBlock();
        block.setLiteral(card.toString());
        heading.insertAfter(block);
        return;
      }
    }
  }

  private static List<Path> filesWithTodo(Path sources) {
    if (!Files.isDirectory(sources)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(sources)) {
      return files
          .filter(file -> file.toString().endsWith(".java"))
          .filter(file -> read(file).contains("TODO"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyImages() {
    var images = book.resolve("img");
    if (!Files.isDirectory(images)) {
      return;
    }
    try (Stream<Path> files = Files.walk(images)) {
      for (var file : files.filter(Files::isRegularFile).toList()) {
        var copy = site.resolve(book.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stylesheet and script of the course, and highlight.js with its two themes. */
  private void copyAssets() {
    copyResource("course/runner/site/book.css", "assets/book.css");
    copyResource("course/runner/site/book.js", "assets/book.js");
    copyResource(HIGHLIGHT_JS + "highlight.min.js", "assets/highlight.min.js");
    copyResource(HIGHLIGHT_JS + "styles/github.min.css", "assets/highlight-light.css");
    copyResource(HIGHLIGHT_JS + "styles/github-dark.min.css", "assets/highlight-dark.css");
  }

  private void copyResource(String resource, String to) {
    try (InputStream in = BookSite.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the runner lacks " + resource + ": rebuild it");
      }
      var copy = site.resolve(to);
      Files.createDirectories(copy.getParent());
      Files.write(copy, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      var all = new ArrayList<>(files.toList());
      java.util.Collections.reverse(all);
      for (var file : all) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
