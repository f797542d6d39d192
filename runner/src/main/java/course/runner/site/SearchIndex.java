package course.runner.site;

import java.util.Map;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * The search index of one page: its title, and the plain text of each of its sections (a section
 * runs from one heading to the next), as a JavaScript object literal for {@code search-index.js}.
 */
final class SearchIndex {

  private SearchIndex() {}

  static String entry(Summary.Entry page, Node document, Map<Heading, String> ids) {
    var json = new StringBuilder();
    json.append("{\"page\":")
        .append(quote(page.html()))
        .append(",\"title\":")
        .append(quote(page.title()))
        .append(",\"sections\":[");
    String id = "";
    String heading = page.title();
    var text = new StringBuilder();
    boolean first = true;
    for (var node = document.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Heading h) {
        first = section(json, id, heading, text, first);
        id = ids.getOrDefault(h, "");
        heading = Summary.textOf(h);
        text.setLength(0);
      } else if (node instanceof FencedCodeBlock code) {
        text.append(code.getLiteral()).append(' ');
      } else {
        text.append(Summary.textOf(node)).append(' ');
      }
    }
    section(json, id, heading, text, first);
    return json.append("]}").toString();
  }

  private static boolean section(
      StringBuilder json, String id, String heading, StringBuilder text, boolean first) {
    if (text.isEmpty() && id.isEmpty()) {
      return first;
    }
    json.append(first ? "" : ",")
        .append("{\"id\":")
        .append(quote(id))
        .append(",\"heading\":")
        .append(quote(heading))
        .append(",\"text\":")
        .append(quote(text.toString().replaceAll("\\s+", " ").strip()))
        .append('}');
    return false;
  }

  /** A JSON string literal; also safe inside a script element. */
  static String quote(String text) {
    var quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '<' -> quoted.append("\\u003c");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            quoted.append("\\u%04x".formatted((int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
