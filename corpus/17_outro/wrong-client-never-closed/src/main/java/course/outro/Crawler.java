package course.outro;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
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
    var client =
            HttpClient.newBuilder()
                .connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var crawl = new Crawl(client, executor, new Semaphore(maxInFlight), start);
      crawl.claim(root);
      try {
        crawl.done.await();
      } catch (InterruptedException e) {
        executor.shutdownNow();
        throw e;
      }
      return Set.copyOf(crawl.pages);
    }
  }

  /** One crawl's shared state: what is claimed, what was found, and how many tasks are left. */
  private static final class Crawl {
    final HttpClient client;
    final ExecutorService executor;
    final Semaphore inFlight;
    final URI origin;
    final Set<URI> claimed = ConcurrentHashMap.newKeySet();
    final Set<URI> pages = ConcurrentHashMap.newKeySet();
    final AtomicInteger pending = new AtomicInteger();
    final CountDownLatch done = new CountDownLatch(1);

    Crawl(HttpClient client, ExecutorService executor, Semaphore inFlight, URI origin) {
      this.client = client;
      this.executor = executor;
      this.inFlight = inFlight;
      this.origin = origin;
    }

    boolean sameSite(URI uri) {
      return Objects.equals(uri.getScheme(), origin.getScheme())
          && Objects.equals(uri.getHost(), origin.getHost())
          && uri.getPort() == origin.getPort();
    }

    void claim(URI uri) {
      if (!sameSite(uri) || !claimed.add(uri)) {
        return;
      }
      pending.incrementAndGet();
      executor.execute(
          () -> {
            try {
              visit(uri);
            } finally {
              if (pending.decrementAndGet() == 0) {
                done.countDown();
              }
            }
          });
    }

    void visit(URI uri) {
      var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
      HttpResponse<byte[]> response;
      try {
        inFlight.acquire();
        try {
          response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } finally {
          inFlight.release();
        }
      } catch (IOException e) {
        return; // a time-out or a connection error costs this page only
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        response.headers().firstValue("Location").flatMap(to -> normalise(uri, to)).ifPresent(this::claim);
        return;
      }
      boolean html =
          response
              .headers()
              .firstValue("Content-Type")
              .map(type -> type.toLowerCase(Locale.ROOT).startsWith("text/html"))
              .orElse(false);
      if (status != 200 || !html) {
        return;
      }
      pages.add(uri);
      for (var href : hrefs(new String(response.body(), StandardCharsets.UTF_8))) {
        normalise(uri, href).ifPresent(this::claim);
      }
    }
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
