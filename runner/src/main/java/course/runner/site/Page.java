package course.runner.site;

/** The HTML around a chapter: the sidebar, the search box, previous and next. */
final class Page {

  private Page() {}

  static String html(
      Summary.Entry page,
      String body,
      Summary summary,
      BookSite.Progress progress,
      Summary.Entry previous,
      Summary.Entry next) {
    var html = new StringBuilder();
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Java concurrency, hands-on</title>
        <link rel="stylesheet" href="assets/book.css">
        <link rel="stylesheet" href="assets/highlight-light.css" media="(prefers-color-scheme: light)">
        <link rel="stylesheet" href="assets/highlight-dark.css" media="(prefers-color-scheme: dark)">
        </head>
        <body>
        <nav class="sidebar" aria-label="Chapters">
        <p class="book-title"><a href="index.html">Java concurrency, hands-on</a></p>
        <input id="search" type="search" placeholder="Search the book  ( / )" \
        aria-label="Search the book" autocomplete="off">
        <ol id="search-results" hidden></ol>
        <ol class="chapters">
        """
            .formatted(escape(page.title())));
    String section = null;
    for (var entry : summary.entries()) {
      if (entry.section() != null && !entry.section().equals(section)) {
        section = entry.section();
        html.append("<li class=\"section\">").append(escape(section)).append("</li>\n");
      }
      var state = entry.exercise() == null ? null : progress.stateOf(entry.exercise());
      var classes = new StringBuilder();
      if (entry.equals(page)) {
        classes.append("active");
      }
      if (state != null) {
        classes.append(classes.isEmpty() ? "" : " ").append(state.replace(' ', '-'));
      }
      html.append("<li")
          .append(classes.isEmpty() ? "" : " class=\"" + classes + "\"")
          .append(state == null ? "" : " title=\"" + escape(state) + "\"")
          .append("><a href=\"")
          .append(escape(entry.html()))
          .append("\">")
          .append(escape(entry.title()))
          .append("</a></li>\n");
    }
    html.append("</ol>\n</nav>\n<main>\n<article>\n").append(body).append("</article>\n");
    html.append("<footer class=\"pager\">\n");
    if (previous != null) {
      html.append("<a rel=\"prev\" href=\"")
          .append(escape(previous.html()))
          .append("\">← ")
          .append(escape(previous.title()))
          .append("</a>\n");
    }
    if (next != null) {
      html.append("<a rel=\"next\" href=\"")
          .append(escape(next.html()))
          .append("\">")
          .append(escape(next.title()))
          .append(" →</a>\n");
    }
    html.append(
        """
        </footer>
        </main>
        <script src="assets/highlight.min.js"></script>
        <script src="search-index.js"></script>
        <script src="assets/book.js"></script>
        </body>
        </html>
        """);
    return html.toString();
  }

  /** index.html: goes straight to the first chapter. */
  static String redirect(String first) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url=%s">
        <title>Java concurrency, hands-on</title></head>
        <body><p><a href="%s">Start reading</a></p></body></html>
        """
        .formatted(escape(first), escape(first));
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
