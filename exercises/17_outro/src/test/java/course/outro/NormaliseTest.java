package course.outro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import course.support.testing.BadInput;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormaliseTest {

  private static final URI BASE = URI.create("http://127.0.0.1:8080/s3/a7.html");

  @ParameterizedTest(name = "\"{0}\" names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a8.html                        | http://127.0.0.1:8080/s3/a8.html",
        "./a8.html                      | http://127.0.0.1:8080/s3/a8.html",
        "../s4/./a1.html                | http://127.0.0.1:8080/s4/a1.html",
        "/s5/a1.html                    | http://127.0.0.1:8080/s5/a1.html",
        "http://127.0.0.1:8080/s6/      | http://127.0.0.1:8080/s6/",
        "//127.0.0.1:9090/share         | http://127.0.0.1:9090/share",
        "https://example.org/a/../b     | https://example.org/b",
      })
  void resolves_a_link_against_the_page_it_is_on(String href, String expected) {
    assertEquals(
        Optional.of(URI.create(expected)),
        Crawler.normalise(BASE, href),
        ("normalise(%s, \"%s\") should give %s: resolve the href against the page's URI "
                + "(URI.resolve) and remove dot segments (URI.normalize).")
            .formatted(BASE, href, expected));
  }

  @ParameterizedTest(name = "\"{0}\" names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "#top                           | http://127.0.0.1:8080/s3/a7.html",
        "a8.html#comments               | http://127.0.0.1:8080/s3/a8.html",
        "/s5/a1.html?ref=home           | http://127.0.0.1:8080/s5/a1.html",
        "../?x=1#top                    | http://127.0.0.1:8080/",
        "http://127.0.0.1:8080/s3/a9.html?utm=x#y | http://127.0.0.1:8080/s3/a9.html",
      })
  void drops_the_fragment_and_the_query(String href, String expected) {
    assertEquals(
        Optional.of(URI.create(expected)),
        Crawler.normalise(BASE, href),
        ("normalise(%s, \"%s\") should give %s: a fragment or a query names the same page, "
                + "so drop both.")
            .formatted(BASE, href, expected));
  }

  @Test
  void reads_an_empty_path_as_the_root() {
    assertEquals(
        Optional.of(URI.create("http://127.0.0.1:8080/")),
        Crawler.normalise(BASE, "http://127.0.0.1:8080"),
        "normalise(base, \"http://127.0.0.1:8080\") should give http://127.0.0.1:8080/: an empty "
            + "path names the same page as \"/\".");
  }

  @ParameterizedTest(name = "\"{0}\" names {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "HTTP://127.0.0.1:8080/s3/a9.html        | http://127.0.0.1:8080/s3/a9.html",
        "Http://127.0.0.1:8080/s4/               | http://127.0.0.1:8080/s4/",
        "HTTPS://example.org/b#top                | https://example.org/b",
        "hTTps://example.org                     | https://example.org/",
      })
  void reads_the_scheme_whatever_its_case(String href, String expected) {
    // URI.equals compares schemes without regard to case: "HTTP://h/" equals "http://h/".
    assertEquals(
        Optional.of(URI.create(expected)),
        Crawler.normalise(BASE, href),
        ("normalise(%s, \"%s\") should give %s: a URI's scheme is case-insensitive (RFC 3986), so "
                + "HTTP, Http and HTTPS name http and https pages too. Compare the scheme without "
                + "regard to case.")
            .formatted(BASE, href, expected));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "mailto:editor@example.org",
        "javascript:void(0)",
        "tel:+10000000",
        "ftp://127.0.0.1:8080/s0/",
        "data:text/html,hello"
      })
  void gives_nothing_for_a_link_that_is_not_http(String href) {
    assertEquals(
        Optional.empty(),
        Crawler.normalise(BASE, href),
        "normalise(base, \"%s\") should be empty: only http and https links name web pages."
            .formatted(href));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"http://[bad", "%zz", "http://127.0.0.1:8080:bad/", "http:/s0/a0.html"})
  void gives_nothing_for_a_malformed_link(String href) {
    assertEquals(
        Optional.empty(),
        Crawler.normalise(BASE, href),
        ("normalise(base, \"%s\") should be empty, not throw: catch the "
                + "IllegalArgumentException of URI.create, and reject a URI without a host.")
            .formatted(href));
  }

  @Test
  @BadInput
  void rejects_null() {
    assertThrows(
        NullPointerException.class,
        () -> Crawler.normalise(null, "a.html"),
        "normalise(null, \"a.html\") must throw NullPointerException.");
    assertThrows(
        NullPointerException.class,
        () -> Crawler.normalise(BASE, null),
        "normalise(base, null) must throw NullPointerException.");
  }

  @Test
  void reads_the_links_of_a_page_with_jsoup() {
    var html =
        "<p><a href=\"a.html\">a</a> <A HREF='b.html#x'>b</A> <a name=\"n\">no href</a>"
            + " <link href=\"style.css\"> <img src=\"c.png\"></p>";
    assertEquals(
        java.util.List.of("a.html", "b.html#x"),
        Crawler.hrefs(html),
        "Crawler.hrefs is given: it must return the href of each <a> element, in order.");
  }
}
