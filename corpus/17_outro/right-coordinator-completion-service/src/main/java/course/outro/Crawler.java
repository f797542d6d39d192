package course.outro;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import org.jsoup.Jsoup;

public final class Crawler {

  public static final int MAX_IN_FLIGHT = 8;

  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Crawler() {}

  public static Set<URI> siteMap(URI start) throws InterruptedException {
    return siteMap(start, MAX_IN_FLIGHT);
  }

  public static Set<URI> siteMap(URI start, int maxInFlight) throws InterruptedException {
    Objects.requireNonNull(start, "start must not be null");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    if (!start.isAbsolute() || !isWeb(start.getScheme()) || start.getHost() == null) {
      throw new IllegalArgumentException("start must be an absolute http(s) URI with a host: " + start);
    }
    URI root =
        normalise(start, start.toString())
            .orElseThrow(() -> new IllegalArgumentException("not a web page: " + start));
    try (var client =
            HttpClient.newBuilder()
                .connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var pool = Executors.newFixedThreadPool(maxInFlight)) {
      // Only this thread touches the frontier, so plain collections are enough.
      var completion = new ExecutorCompletionService<Fetched>(pool);
      Set<URI> seen = new HashSet<>();
      Set<URI> pages = new HashSet<>();
      seen.add(root);
      completion.submit(() -> fetch(client, root));
      int inFlight = 1;
      try {
        while (inFlight > 0) {
          Future<Fetched> done = completion.take();
          inFlight--;
          Fetched fetched;
          try {
            fetched = done.get();
          } catch (ExecutionException e) {
            continue; // this page failed; the crawl goes on
          }
          if (fetched.page()) {
            pages.add(fetched.uri());
          }
          for (URI link : fetched.links()) {
            if (sameSite(link, start) && seen.add(link)) {
              completion.submit(() -> fetch(client, link));
              inFlight++;
            }
          }
        }
      } catch (InterruptedException e) {
        pool.shutdownNow();
        throw e;
      }
      return Set.copyOf(pages);
    }
  }

  /** What one request found: whether it was a page, and the links it leads to. */
  private record Fetched(URI uri, boolean page, List<URI> links) {}

  private static boolean sameSite(URI uri, URI origin) {
    return Objects.equals(uri.getScheme(), origin.getScheme())
        && Objects.equals(uri.getHost(), origin.getHost())
        && uri.getPort() == origin.getPort();
  }

  /** Runs on a pool thread: one request, and the normalised links of its answer. */
  private static Fetched fetch(HttpClient client, URI uri) throws InterruptedException {
    var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Fetched(uri, false, List.of());
    }
    int status = response.statusCode();
    if (status >= 300 && status < 400) {
      var to = response.headers().firstValue("Location").flatMap(l -> normalise(uri, l));
      return new Fetched(uri, false, to.map(List::of).orElse(List.of()));
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (status != 200 || !type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
      return new Fetched(uri, false, List.of());
    }
    var links = new ArrayList<URI>();
    for (var href : hrefs(new String(response.body(), StandardCharsets.UTF_8))) {
      normalise(uri, href).ifPresent(links::add);
    }
    return new Fetched(uri, true, links);
  }

  private static boolean isWeb(String scheme) {
    return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
  }

  static Optional<URI> normalise(URI base, String href) {
    Objects.requireNonNull(base, "base must not be null");
    Objects.requireNonNull(href, "href must not be null");
    URI resolved;
    try {
      resolved = base.resolve(URI.create(href));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!isWeb(resolved.getScheme()) || resolved.getHost() == null) {
      return Optional.empty();
    }
    String path = resolved.getRawPath();
    if (path == null || path.isEmpty()) {
      path = "/";
    }
    try {
      return Optional.of(
          new URI(resolved.getScheme() + "://" + resolved.getRawAuthority() + path).normalize());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  static List<String> hrefs(String html) {
    return Jsoup.parse(html).select("a[href]").eachAttr("href");
  }
}
