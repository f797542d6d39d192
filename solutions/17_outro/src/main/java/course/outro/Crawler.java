package course.outro;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;

/**
 * Exercise 17, solved: tasks that submit tasks, one virtual thread per page, a semaphore for
 * politeness, and a counter of unfinished tasks to know when the crawl is over.
 */
public final class Crawler {

  /** How many requests {@link #siteMap(URI)} keeps in flight at most: be polite to the site. */
  public static final int MAX_IN_FLIGHT = 8;

  /** How long one request may take; a page that has not answered by then is left out. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Crawler() {}

  /** The site map of {@code start}'s site, with at most {@link #MAX_IN_FLIGHT} requests at once. */
  public static Set<URI> siteMap(URI start) throws InterruptedException {
    return siteMap(start, MAX_IN_FLIGHT);
  }

  /**
   * Every page of the site that can be reached from {@code start}, fetched concurrently.
   *
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code start} is not an absolute http or https URI with a
   *     host, or if {@code maxInFlight < 1}
   * @throws InterruptedException if interrupted while waiting for the crawl to finish
   */
  public static Set<URI> siteMap(URI start, int maxInFlight) throws InterruptedException {
    Objects.requireNonNull(start, "start must not be null");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    var first =
        normalise(start, start.toString())
            .filter(uri -> start.isAbsolute())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "start must be an absolute http or https URI with a host, got " + start));
    // Closed in reverse order: first the executor (it waits for the last tasks), then the client.
    try (var client =
            HttpClient.newBuilder()
                .connectTimeout(REQUEST_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      var crawl = new Crawl(client, executor, first, maxInFlight);
      crawl.claim(first);
      return crawl.awaitPages();
    }
  }

  /** One crawl: what has been claimed, what was found, and how many tasks are not done yet. */
  private static final class Crawl {
    private final HttpClient client;
    private final ExecutorService executor;
    private final URI origin;
    private final Semaphore inFlight;
    private final Set<URI> claimed = ConcurrentHashMap.newKeySet();
    private final Set<URI> pages = ConcurrentHashMap.newKeySet();
    // Tasks submitted and not finished. A task claims its links before it counts itself done,
    // so the count reaches zero only when no task is running and none can be created.
    private final AtomicInteger pending = new AtomicInteger();
    private final CountDownLatch done = new CountDownLatch(1);

    Crawl(HttpClient client, ExecutorService executor, URI origin, int maxInFlight) {
      this.client = client;
      this.executor = executor;
      this.origin = origin;
      this.inFlight = new Semaphore(maxInFlight);
    }

    /** Starts a task for {@code uri} unless it is off the site or some task claimed it already. */
    void claim(URI uri) {
      if (!sameSite(uri) || !claimed.add(uri)) {
        return;
      }
      pending.incrementAndGet();
      try {
        executor.execute(
            () -> {
              try {
                visit(uri);
              } finally {
                finished();
              }
            });
      } catch (RejectedExecutionException e) {
        finished(); // the crawl is being shut down (interrupted): nothing more to do
      }
    }

    private void finished() {
      if (pending.decrementAndGet() == 0) {
        done.countDown();
      }
    }

    Set<URI> awaitPages() throws InterruptedException {
      done.await();
      return Set.copyOf(pages);
    }

    private boolean sameSite(URI uri) {
      return uri.getScheme().equalsIgnoreCase(origin.getScheme())
          && uri.getHost().equalsIgnoreCase(origin.getHost())
          && uri.getPort() == origin.getPort();
    }

    private void visit(URI uri) {
      HttpResponse<String> response;
      try {
        response = fetch(uri);
      } catch (IOException e) {
        return; // time-out, refused connection, reset: skip this page, keep crawling
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        response
            .headers()
            .firstValue("Location")
            .flatMap(location -> normalise(uri, location))
            .ifPresent(this::claim);
      } else if (status == 200 && response.body() != null) {
        pages.add(uri);
        for (var href : hrefs(response.body())) {
          normalise(uri, href).ifPresent(this::claim);
        }
      }
    }

    /** One GET, holding one of the permits while the request is in flight. */
    private HttpResponse<String> fetch(URI uri) throws IOException, InterruptedException {
      var request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
      inFlight.acquire();
      try {
        // Read the body only when it is HTML; anything else is discarded (body null).
        return client.send(
            request,
            info ->
                isHtml(info)
                    ? BodyHandlers.ofString().apply(info)
                    : BodyHandlers.replacing((String) null).apply(info));
      } finally {
        inFlight.release();
      }
    }

    private static boolean isHtml(HttpResponse.ResponseInfo info) {
      return info.statusCode() == 200
          && info.headers()
              .firstValue("Content-Type")
              .map(type -> type.strip().toLowerCase(java.util.Locale.ROOT).startsWith("text/html"))
              .orElse(false);
    }
  }

  /**
   * The URI of the page that {@code href}, found on the page {@code base}, names; or empty if it
   * names no web page. Resolved against {@code base}, http or https with a host only, without query
   * or fragment, {@code /} for an empty path, dot segments removed.
   *
   * @throws NullPointerException if {@code base} or {@code href} is null
   */
  static Optional<URI> normalise(URI base, String href) {
    Objects.requireNonNull(base, "base must not be null");
    Objects.requireNonNull(href, "href must not be null");
    URI resolved;
    try {
      resolved = base.resolve(URI.create(href));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a URI at all: "http://[bad", "%zz"
    }
    var scheme = resolved.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || resolved.getHost() == null) {
      return Optional.empty();
    }
    var path = resolved.getPath();
    if (path == null || path.isEmpty()) {
      path = "/"; // http://host:port and http://host:port/ name the same page
    }
    try {
      return Optional.of(new URI(scheme, resolved.getAuthority(), path, null, null).normalize());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * Given: the {@code href} of every {@code <a>} element of an HTML page, as written, in order.
   * Other elements ({@code <link>}, {@code <img>}) are not links to pages.
   */
  static List<String> hrefs(String html) {
    return Jsoup.parse(html).select("a[href]").eachAttr("href");
  }
}
