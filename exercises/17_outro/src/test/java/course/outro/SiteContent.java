package course.outro;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The generated test site: every path it serves, what each path answers, and which pages a correct
 * crawler must find.
 *
 * <p>The same seed and origins always give the same site. Next to each link the generator notes
 * where the link leads ({@link Link#target()}: an on-site path, or {@code null} for a link that
 * leads off the site or nowhere), so the expected site map comes from a plain walk over those notes
 * ({@link #expectedPaths()}), not from parsing URLs the way a crawler does.
 *
 * <p>What is in it, on purpose:
 *
 * <ul>
 *   <li>a home page, 12 section pages and 24 articles per section, linked in every form: relative
 *       ({@code a3.html}, {@code ./a3.html}, {@code ../s2/a3.html}), absolute path, absolute URL,
 *       with a fragment, with a query string that names the same page;
 *   <li>cycles everywhere (previous, next, up, home) and a page that links to itself;
 *   <li>links to the "external" server, absolute and protocol-relative ({@code //host:port/});
 *   <li>broken links (404), and a 404 page whose body links to a page nothing else links to;
 *   <li>redirects: 301, 302, 307, absolute and relative {@code Location}, a chain, a cycle of
 *       redirects, a redirect to the external server, and pages reachable only through one (one of
 *       them through a relative {@code Location} in a folder, linked from another folder);
 *   <li>malformed or non-HTTP {@code href}s: {@code http://[bad}, a bad port, a bad escape, {@code
 *       javascript:}, {@code mailto:}, {@code tel:}, {@code ftp:} to this very host; and a page
 *       where all of them come before the only link to another page;
 *   <li>a slow page ({@link #SLOW_MILLIS}) with a page behind it that only it links to;
 *   <li>non-HTML content: an image, a PDF, and a text file whose text looks like HTML and names a
 *       page nothing else links to.
 * </ul>
 */
final class SiteContent {

  /** How long the slow page takes to answer: noticeable, far below {@code REQUEST_TIMEOUT}. */
  static final long SLOW_MILLIS = 1_500;

  static final int SECTIONS = 12;
  static final int ARTICLES = 24;
  static final String SLOW_PATH = "/slow.html";
  static final String BEHIND_SLOW_PATH = "/after-slow.html";
  static final String TEXT_FILE_PATH = "/files/notes.txt";
  static final String ONLY_IN_TEXT_FILE_PATH = "/hidden.html";
  static final String ONLY_ON_404_PAGE_PATH = "/from-404.html";
  static final String ONLY_BEHIND_REDIRECT_PATH = "/archive/";
  static final String ODD_LINKS_PATH = "/odd-links.html";
  static final String BEHIND_ODD_LINKS_PATH = "/after-odd-links.html";

  /** A redirect in a folder whose {@code Location} is relative, linked from another folder. */
  static final String RELATIVE_REDIRECT_PATH = "/docs/start";

  /** The {@code Location} of {@link #RELATIVE_REDIRECT_PATH}. */
  static final String RELATIVE_LOCATION = "guide.html";

  /** Reachable only through {@link #RELATIVE_REDIRECT_PATH}. */
  static final String BEHIND_RELATIVE_REDIRECT_PATH = "/docs/guide.html";

  /** The section whose page links to {@link #RELATIVE_REDIRECT_PATH}. */
  static final int SECTION_WITH_RELATIVE_REDIRECT = 5;

  /** A link on a page: its {@code href} as written, and where it leads (null: off the site). */
  record Link(String href, String target) {}

  /** What one path answers. */
  record Resource(
      int status,
      String contentType,
      byte[] body,
      String location,
      long delayMillis,
      List<Link> links) {

    boolean isHtmlPage() {
      return status == 200 && contentType.startsWith("text/html");
    }
  }

  /** The answer to any path the site does not have. Its links are not followed by the oracle. */
  static final Resource NOT_FOUND =
      new Resource(
          404,
          "text/html; charset=utf-8",
          html(
              "Not found",
              "<p>No such page. <a href=\"" + ONLY_ON_404_PAGE_PATH + "\">Maybe this one?</a></p>"),
          null,
          0,
          List.of());

  private static final String[] MALFORMED = {
    "http://[bad",
    "%zz",
    "javascript:void(0)",
    "tel:+10000000",
    "mailto:editor@example.org",
    "http:/s0/a0.html"
  };

  private final String origin;
  private final String external;
  private final Map<String, Resource> resources = new HashMap<>();

  /**
   * Generates the site.
   *
   * @param origin the site's own origin, e.g. {@code http://127.0.0.1:41234}
   * @param external the external server's origin
   * @param seed the seed for the cross-links between articles
   */
  SiteContent(String origin, String external, long seed) {
    this.origin = origin;
    this.external = external;
    var random = new SplittableRandom(seed);
    home();
    for (int s = 0; s < SECTIONS; s++) {
      section(s);
      for (int k = 0; k < ARTICLES; k++) {
        article(s, k, random);
      }
    }
    extras();
  }

  /** What {@code path} answers. */
  Resource resource(String path) {
    return resources.getOrDefault(path, NOT_FOUND);
  }

  /** The paths a correct crawler lists, sorted: every HTML page reachable from {@code /}. */
  TreeSet<String> expectedPaths() {
    var pages = new TreeSet<String>();
    var seen = new LinkedHashSet<String>();
    var queue = new ArrayDeque<String>();
    seen.add("/");
    queue.add("/");
    while (!queue.isEmpty()) {
      var path = queue.poll();
      var resource = resource(path);
      var next = new ArrayList<String>();
      if (resource.isHtmlPage()) {
        pages.add(path);
        resource.links().forEach(link -> next.add(link.target()));
      } else if (resource.status() / 100 == 3) {
        next.add(resource.links().getFirst().target());
      }
      for (var target : next) {
        if (target != null && seen.add(target)) {
          queue.add(target);
        }
      }
    }
    return pages;
  }

  /** Every path the site answers with something other than a 404. */
  List<String> servedPaths() {
    return List.copyOf(resources.keySet());
  }

  // --- the pages ------------------------------------------------------------------------------

  private void home() {
    var links = new ArrayList<Link>();
    for (int s = 0; s < SECTIONS; s++) {
      links.add(new Link("s" + s + "/", "/s" + s + "/"));
    }
    links.add(new Link(SLOW_PATH, SLOW_PATH));
    links.add(new Link("loop.html", "/loop.html"));
    links.add(new Link(ODD_LINKS_PATH.substring(1), ODD_LINKS_PATH));
    links.add(new Link("/archive", "/archive"));
    links.add(new Link("/r1", "/r1"));
    links.add(new Link("/out", "/out"));
    links.add(new Link("/loop-a", "/loop-a"));
    links.add(new Link(TEXT_FILE_PATH, TEXT_FILE_PATH));
    links.add(new Link("/img/logo.png", "/img/logo.png"));
    links.add(new Link("files/report.pdf", "/files/report.pdf"));
    links.add(new Link("/nowhere.html", "/nowhere.html"));
    links.add(new Link(external + "/", null));
    links.add(new Link("//" + hostAndPort(external) + "/about", null));
    links.add(new Link("mailto:webmaster@example.org", null));
    links.add(new Link("#main", "/"));
    links.add(new Link("/", "/"));
    links.add(new Link(origin, "/"));
    page("/", "Home", links);
  }

  private void section(int s) {
    var dir = "/s" + s + "/";
    var links = new ArrayList<Link>();
    for (int k = 0; k < ARTICLES; k++) {
      var file = "a" + k + ".html";
      var href =
          switch ((s * 7 + k) % 6) {
            case 0 -> file;
            case 1 -> "./" + file;
            case 2 -> dir + file;
            case 3 -> origin + dir + file;
            case 4 -> file + "#comments";
            default -> file + "?ref=section" + s;
          };
      links.add(new Link(href, dir + file));
    }
    links.add(new Link("latest", dir + "latest"));
    links.add(new Link("./", dir));
    links.add(new Link("../", "/"));
    if (s == SECTION_WITH_RELATIVE_REDIRECT) {
      links.add(new Link(".." + RELATIVE_REDIRECT_PATH, RELATIVE_REDIRECT_PATH));
    }
    page(dir, "Section " + s, links);
    // A redirect with a relative Location: resolve it against the URI that was asked for.
    var last = "a" + (ARTICLES - 1) + ".html";
    redirect(dir + "latest", 302, last, dir + last);
  }

  private void article(int s, int k, SplittableRandom random) {
    var dir = "/s" + s + "/";
    var self = dir + "a" + k + ".html";
    var links = new ArrayList<Link>();
    links.add(new Link("#top", self));
    if (k > 0) {
      links.add(new Link("a" + (k - 1) + ".html", dir + "a" + (k - 1) + ".html"));
    }
    if (k < ARTICLES - 1) {
      links.add(new Link("a" + (k + 1) + ".html", dir + "a" + (k + 1) + ".html"));
    }
    links.add(new Link("./", dir));
    links.add(new Link("../", "/"));
    for (int i = 0; i < 2; i++) {
      int s2 = random.nextInt(SECTIONS);
      int k2 = random.nextInt(ARTICLES);
      var target = "/s" + s2 + "/a" + k2 + ".html";
      var href =
          switch (random.nextInt(3)) {
            case 0 -> "../s" + s2 + "/a" + k2 + ".html";
            case 1 -> target + "?from=s" + s + "a" + k;
            default -> origin + target + "#c" + i;
          };
      links.add(new Link(href, target));
    }
    int n = s * ARTICLES + k;
    switch (n % 9) {
      case 0 -> links.add(new Link(dir + "draft-" + k + ".html", dir + "draft-" + k + ".html"));
      case 1 -> links.add(new Link(external + self, null));
      case 2 -> links.add(new Link("//" + hostAndPort(external) + "/share?u=" + k, null));
      case 3 -> links.add(new Link(malformed(n / 9), null));
      case 4 -> {
        var old = "/old" + dir + "a" + k;
        links.add(new Link(old, old));
        redirect(old, 301, self, self);
      }
      // These two name this page; java.net.URI.resolve reads them as the folder (RFC 2396),
      // which is a page of the site too, so either reading gives the same site map.
      case 5 -> links.add(new Link("?page=2", self));
      case 6 -> links.add(new Link("", self));
      case 7 -> links.add(new Link("../s" + s + "/a" + k + ".html#again", self));
      default -> {}
    }
    page(self, "Article " + s + "." + k, links);
  }

  private String malformed(int i) {
    // The ftp: link names this very host and port: only the scheme says it is not for us.
    if (i % (MALFORMED.length + 2) == MALFORMED.length) {
      return "ftp://" + hostAndPort(origin) + "/s0/";
    }
    if (i % (MALFORMED.length + 2) == MALFORMED.length + 1) {
      return "http://" + hostAndPort(origin) + ":bad/";
    }
    return MALFORMED[i % (MALFORMED.length + 2)];
  }

  private void extras() {
    // The slow page, and a page that only it links to.
    resources.put(
        SLOW_PATH,
        new Resource(
            200,
            "text/html; charset=utf-8",
            html(
                "Slow", "<p>This page takes its time. <a href=\"after-slow.html\">Read on</a></p>"),
            null,
            SLOW_MILLIS,
            List.of(new Link("after-slow.html", BEHIND_SLOW_PATH))));
    page(BEHIND_SLOW_PATH, "After the slow page", List.of(new Link("/", "/")));

    // Every odd link at once, then the only link to a page: one bad href must not end the page.
    var odd = new ArrayList<Link>();
    for (int i = 0; i < MALFORMED.length + 2; i++) {
      odd.add(new Link(malformed(i), null));
    }
    odd.add(new Link(BEHIND_ODD_LINKS_PATH.substring(1), BEHIND_ODD_LINKS_PATH));
    page(ODD_LINKS_PATH, "Odd links", odd);
    page(BEHIND_ODD_LINKS_PATH, "After the odd links", List.of(new Link("/", "/")));

    // A page that links to itself in every way.
    page(
        "/loop.html",
        "Round and round",
        List.of(
            new Link("loop.html", "/loop.html"),
            new Link("#again", "/loop.html"),
            new Link("?again=1", "/loop.html"),
            new Link("/loop.html", "/loop.html"),
            new Link(origin + "/loop.html#x", "/loop.html")));

    // Reachable only through a redirect: /archive -> /archive/ (the classic missing slash).
    redirect("/archive", 301, ONLY_BEHIND_REDIRECT_PATH, ONLY_BEHIND_REDIRECT_PATH);
    var years = new ArrayList<Link>();
    for (int year = 2019; year <= 2028; year++) {
      years.add(new Link("y" + year + ".html", "/archive/y" + year + ".html"));
      var yearLinks = new ArrayList<Link>();
      yearLinks.add(new Link("./", ONLY_BEHIND_REDIRECT_PATH));
      if (year < 2028) {
        yearLinks.add(new Link("y" + (year + 1) + ".html", "/archive/y" + (year + 1) + ".html"));
      }
      page("/archive/y" + year + ".html", "Archive " + year, yearLinks);
    }
    years.add(new Link("../", "/"));
    page(ONLY_BEHIND_REDIRECT_PATH, "Archive", years);

    // A chain of redirects (the first Location is absolute), and a cycle of redirects.
    redirect("/r1", 302, origin + "/r2", "/r2");
    redirect("/r2", 307, "/chain-end.html", "/chain-end.html");
    page("/chain-end.html", "End of the chain", List.of(new Link("/", "/")));
    redirect("/loop-a", 302, "/loop-b", "/loop-b");
    redirect("/loop-b", 302, "/loop-a", "/loop-a");

    // A redirect in a folder with a relative Location, linked from a page of another folder: only
    // the URI that was asked for (/docs/start) gives /docs/guide.html; the start (/) and the page
    // with the link (/s5/) both give a path that answers 404.
    redirect(RELATIVE_REDIRECT_PATH, 302, RELATIVE_LOCATION, BEHIND_RELATIVE_REDIRECT_PATH);
    page(BEHIND_RELATIVE_REDIRECT_PATH, "Guide", List.of(new Link("../", "/")));

    // A redirect off the site: following it would send a request to the external server.
    redirect("/out", 302, external + "/landing", null);

    // Not HTML. The text file's text looks like HTML: parse only what says it is text/html.
    resources.put(
        TEXT_FILE_PATH,
        new Resource(
            200,
            "text/plain; charset=utf-8",
            ("Draft of the new home page:\n<p><a href=\""
                    + ONLY_IN_TEXT_FILE_PATH
                    + "\">secret</a></p>\n")
                .getBytes(StandardCharsets.UTF_8),
            null,
            0,
            List.of()));
    resources.put(
        "/img/logo.png",
        new Resource(
            200,
            "image/png",
            new byte[] {
              (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'
            },
            null,
            0,
            List.of()));
    resources.put(
        "/files/report.pdf",
        new Resource(
            200,
            "application/pdf",
            "%PDF-1.4\n% not a real report\n".getBytes(StandardCharsets.UTF_8),
            null,
            0,
            List.of()));

    // Pages that exist but that no crawled page links to.
    page(ONLY_IN_TEXT_FILE_PATH, "Hidden", List.of());
    page(ONLY_ON_404_PAGE_PATH, "Found through a 404", List.of());
  }

  private void page(String path, String title, List<Link> links) {
    var body = new StringBuilder("<h1 id=\"top\">").append(title).append("</h1>\n<ul>\n");
    for (var link : links) {
      body.append("  <li><a href=\"")
          .append(escape(link.href()))
          .append("\">")
          .append(escape(link.href().isEmpty() ? "(this page)" : link.href()))
          .append("</a></li>\n");
    }
    body.append("</ul>\n<p><img src=\"/img/logo.png\" alt=\"logo\"> <a name=\"main\">End</a></p>");
    resources.put(
        path,
        new Resource(
            200,
            "text/html; charset=utf-8",
            html(title, body.toString()),
            null,
            0,
            List.copyOf(links)));
  }

  private void redirect(String path, int status, String location, String target) {
    resources.put(
        path,
        new Resource(
            status,
            "text/html; charset=utf-8",
            html("Moved", "<p>Moved to <a href=\"/moved-body-link.html\">elsewhere</a>.</p>"),
            location,
            0,
            List.of(new Link(location, target))));
  }

  private static byte[] html(String title, String body) {
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body>\n"
            + body
            + "\n</body></html>\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static String hostAndPort(String origin) {
    return origin.substring(origin.indexOf("//") + 2);
  }
}
