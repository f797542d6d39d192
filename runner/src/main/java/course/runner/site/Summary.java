package course.runner.site;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The book's table of contents, read from {@code book/SUMMARY.md}: its chapters in order, each with
 * the section label that stands above it ("Appendix"), and the text before the first list.
 *
 * <p>The file is read as Markdown, so any list of links works: a link in a list item is a page; a
 * paragraph between two lists is the label of the pages after it.
 */
public record Summary(List<Entry> entries, String introduction) {

  /** One page of the book: its title as the summary gives it, and its Markdown file's name. */
  public record Entry(String title, String file, String section) {

    /** The page's file in the site: {@code 03_threads.md} gives {@code 03_threads.html}. */
    public String html() {
      return file.replaceFirst("\\.md$", ".html");
    }

    /** The exercise folder this page is the chapter of ({@code 03_threads}), or null. */
    public String exercise() {
      var name = file.replaceFirst("\\.md$", "");
      return name.matches("\\d\\d_.+") ? name : null;
    }
  }

  /** Reads a summary from the Markdown text {@code markdown}. */
  public static Summary parse(String markdown) {
    var document = Parser.builder().build().parse(markdown);
    var entries = new ArrayList<Entry>();
    var introduction = new StringBuilder();
    String section = null;
    for (var block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof BulletList || block instanceof OrderedList) {
        for (var link : linksIn(block)) {
          entries.add(new Entry(textOf(link), link.getDestination(), section));
        }
      } else if (block instanceof Paragraph paragraph) {
        if (entries.isEmpty()) {
          introduction.append(introduction.isEmpty() ? "" : " ").append(textOf(paragraph));
        } else {
          section = textOf(paragraph);
        }
      }
    }
    return new Summary(List.copyOf(entries), introduction.toString());
  }

  /** The plain text of a node and its children, Markdown marks left out. */
  static String textOf(Node node) {
    var text = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text literal) {
            text.append(literal.getLiteral());
          }

          @Override
          public void visit(org.commonmark.node.Code code) {
            text.append(code.getLiteral());
          }
        });
    return text.toString().strip();
  }

  private static List<Link> linksIn(Node list) {
    var links = new ArrayList<Link>();
    list.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            if (link.getDestination().endsWith(".md")) {
              links.add(link);
            }
          }
        });
    return links;
  }
}
