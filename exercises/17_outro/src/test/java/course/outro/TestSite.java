package course.outro;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A small web site on the loopback interface, for the crawler's tests, with a second server that
 * stands for "the rest of the web".
 *
 * <p>Both are the JDK's own {@link HttpServer}, bound to 127.0.0.1 on a free port. Each records
 * every request it gets ({@link Request}): path, query, when it started and ended, and how many
 * requests were in flight at once. A request counts as in flight from the moment its handler starts
 * until just before the answer is sent, so the server never counts more requests at once than the
 * crawler had open.
 *
 * <p><b>The rendezvous.</b> Opened with {@link #withRendezvous(int, Duration)}, the site holds
 * every request except the one for the start page until {@code parties} requests are in flight
 * together, or the time-out passes. A crawler that fetches pages one after the other leaves the
 * first held request waiting alone; the time-out then marks the rendezvous missed, nothing is held
 * any more, and the crawl finishes, so the test can say what went wrong. Once met, nothing is held
 * either. This proves concurrency without a stopwatch.
 *
 * <p>Close the site after each test: it stops both servers and their handler threads.
 */
final class TestSite implements AutoCloseable {

  /** One request, as the server saw it. */
  record Request(String method, String path, String query, long startNanos, long endNanos) {}

  private static final long SEED = 11;
  private static final AtomicInteger SITES = new AtomicInteger();

  private final Server site;
  private final Server external;
  private final SiteContent content;
  private final Gate gate;
  private final long latencyMillis;
  private final Hold hold = new Hold();

  private TestSite(
      int parties, Duration timeout, Duration latency, Function<TestSite, Handler> handler) {
    int number = SITES.incrementAndGet();
    this.gate = new Gate(parties, timeout);
    this.latencyMillis = latency.toMillis();
    this.external = new Server("external-site-" + number);
    this.site = new Server("test-site-" + number);
    this.content = new SiteContent(site.origin(), external.origin(), SEED);
    try {
      site.start(handler.apply(this), gate, latencyMillis);
      external.start(TestSite::externalPage, new Gate(0, Duration.ZERO), 0);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts the generated site. */
  static TestSite open() {
    return new TestSite(0, Duration.ZERO, Duration.ZERO, TestSite::generatedPage);
  }

  /**
   * Starts the generated site, each of whose answers takes {@code latency} longer, as if the server
   * were far away. For measurements ({@code bench/measure.sh crawl-times}); the tests use none.
   */
  static TestSite withLatency(Duration latency) {
    return new TestSite(0, Duration.ZERO, latency, TestSite::generatedPage);
  }

  /** Starts the generated site with a rendezvous of {@code parties} requests (see above). */
  static TestSite withRendezvous(int parties, Duration timeout) {
    return new TestSite(parties, timeout, Duration.ZERO, TestSite::generatedPage);
  }

  /**
   * Starts a tiny site made of a cycle, {@code /} to {@code /a} to {@code /b} and back to {@code
   * /}, where every page also links to itself.
   */
  static TestSite cycle() {
    return new TestSite(0, Duration.ZERO, Duration.ZERO, site -> TestSite::cyclePage);
  }

  /** The page of {@link #withHeldPage()} whose first request the site holds. */
  static final String HELD_PATH = "/gate.html";

  /**
   * Starts a tiny site whose page {@link #HELD_PATH} holds the first request for it until {@link
   * #release()} (or until the site closes): while it is held, a crawl of the site is certainly in
   * progress. {@code /} links to it; it links to {@code /a.html} and {@code /b.html}, {@code a} to
   * {@code b} and {@code /}, {@code b} to {@code /}. Later requests for it are answered at once.
   */
  static TestSite withHeldPage() {
    return new TestSite(0, Duration.ZERO, Duration.ZERO, site -> site::heldSitePage);
  }

  /** The four pages of {@link #withHeldPage()}. */
  Set<URI> heldSiteMap() {
    return Set.of(uri("/"), uri(HELD_PATH), uri("/a.html"), uri("/b.html"));
  }

  /**
   * Waits until the first request for {@link #HELD_PATH} is held, at most {@code timeout}.
   *
   * @return whether it is held (or was: it may have been released since)
   */
  boolean awaitHeld(Duration timeout) throws InterruptedException {
    return hold.arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the held request of {@link #withHeldPage()} be answered. */
  void release() {
    hold.released.countDown();
  }

  /** The start page's URI, e.g. {@code http://127.0.0.1:41234/}. */
  URI start() {
    return uri("/");
  }

  /** The site's URI for {@code path}. */
  URI uri(String path) {
    return URI.create(site.origin() + path);
  }

  /** What a correct crawl of {@link #start()} returns. */
  Set<URI> expectedSiteMap() {
    return content.expectedPaths().stream().map(this::uri).collect(Collectors.toSet());
  }

  SiteContent content() {
    return content;
  }

  /** Every request the site got, in the order they arrived. */
  List<Request> requests() {
    return site.requests();
  }

  /** Every request the external server got. */
  List<Request> externalRequests() {
    return external.requests();
  }

  /** The number of GET requests for each path, for paths asked for more than once. */
  Map<String, Long> fetchedMoreThanOnce() {
    return requests().stream()
        .filter(request -> request.method().equals("GET"))
        .collect(Collectors.groupingBy(Request::path, TreeMap::new, Collectors.counting()))
        .entrySet()
        .stream()
        .filter(entry -> entry.getValue() > 1)
        .collect(
            Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
  }

  /** The largest number of requests the site had in flight at once. */
  int maxInFlight() {
    return site.maxInFlight();
  }

  /** Whether the rendezvous was met: {@code parties} requests in flight together. */
  boolean rendezvousMet() {
    return gate.met();
  }

  @Override
  public void close() {
    site.stop();
    external.stop();
  }

  // --- what the servers answer ----------------------------------------------------------------

  /** Answers one request; returns the resource to send. */
  private interface Handler {
    SiteContent.Resource answer(String path);
  }

  private Handler generatedPage() {
    return content::resource;
  }

  private static SiteContent.Resource externalPage(String path) {
    return new SiteContent.Resource(
        200,
        "text/html; charset=utf-8",
        "<html><body><p>The rest of the web. <a href=\"/\">Home</a></p></body></html>"
            .getBytes(StandardCharsets.UTF_8),
        null,
        0,
        List.of());
  }

  private SiteContent.Resource heldSitePage(String path) {
    var links =
        switch (path) {
          case "/" -> List.of(HELD_PATH.substring(1));
          case HELD_PATH -> {
            hold.hold();
            yield List.of("a.html", "/b.html");
          }
          case "/a.html" -> List.of("b.html", "/");
          case "/b.html" -> List.of("./");
          default -> null;
        };
    if (links == null) {
      return SiteContent.NOT_FOUND;
    }
    var body = new StringBuilder("<html><body>");
    links.forEach(
        link -> body.append("<a href=\"").append(link).append("\">").append(link).append("</a> "));
    return new SiteContent.Resource(
        200,
        "text/html; charset=utf-8",
        body.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8),
        null,
        0,
        List.of());
  }

  /** The first request for the held page waits here until it is released or the site closes. */
  private static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicBoolean taken = new AtomicBoolean();

    void hold() {
      if (!taken.compareAndSet(false, true)) {
        return;
      }
      arrived.countDown();
      try {
        // Bounded all the same: a test that forgets to release must not keep a thread for ever.
        released.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the site is closing
      }
    }
  }

  private static SiteContent.Resource cyclePage(String path) {
    var next =
        switch (path) {
          case "/" -> "a";
          case "/a" -> "b";
          case "/b" -> "/";
          default -> null;
        };
    if (next == null) {
      return SiteContent.NOT_FOUND;
    }
    var self = path.equals("/") ? "/" : path.substring(1);
    return new SiteContent.Resource(
        200,
        "text/html; charset=utf-8",
        ("<html><body><a href=\""
                + next
                + "\">next</a> <a href=\""
                + self
                + "\">me</a>"
                + " <a href=\"#top\">top</a></body></html>")
            .getBytes(StandardCharsets.UTF_8),
        null,
        0,
        List.of());
  }

  // --- the servers ----------------------------------------------------------------------------

  /** One HttpServer on 127.0.0.1, port 0, with its own handler threads and request log. */
  private static final class Server {
    private final HttpServer server;
    private final ExecutorService handlers;
    private final List<Request> requests = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile boolean started;

    Server(String name) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the test web server on 127.0.0.1", e);
      }
      // Enough threads for every request the crawler may hold open: a cached pool grows as needed.
      var threads = new AtomicInteger();
      handlers =
          Executors.newCachedThreadPool(
              task ->
                  Thread.ofPlatform()
                      .name(name + "-" + threads.incrementAndGet())
                      .daemon()
                      .unstarted(task));
      server.setExecutor(handlers);
    }

    String origin() {
      var address = server.getAddress();
      return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    void start(Handler handler, Gate gate, long latencyMillis) {
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              serve(exchange, handler, gate, latencyMillis);
            }
          });
      server.start();
      started = true;
    }

    private void serve(HttpExchange exchange, Handler handler, Gate gate, long latencyMillis)
        throws IOException {
      long start = System.nanoTime();
      var uri = exchange.getRequestURI();
      var path = uri.getRawPath() == null ? "" : uri.getRawPath();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      SiteContent.Resource resource;
      try {
        if (!path.equals("/")) {
          gate.arrive(inFlight);
        }
        resource = handler.answer(path);
        if (resource.delayMillis() + latencyMillis > 0) {
          sleep(resource.delayMillis() + latencyMillis);
        }
      } finally {
        // Out of flight before the answer leaves: the crawler cannot have moved on yet.
        inFlight.decrementAndGet();
        gate.left();
        synchronized (requests) {
          requests.add(
              new Request(
                  exchange.getRequestMethod(), path, uri.getRawQuery(), start, System.nanoTime()));
        }
      }
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", resource.contentType());
      if (resource.location() != null) {
        headers.set("Location", resource.location());
      }
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(resource.status(), head ? -1 : resource.body().length);
      if (!head) {
        exchange.getResponseBody().write(resource.body());
      }
    }

    List<Request> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    int maxInFlight() {
      return maxInFlight.get();
    }

    void stop() {
      if (started) {
        server.stop(0);
      }
      handlers.shutdownNow();
      try {
        if (!handlers.awaitTermination(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("The test web server's threads did not stop");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Holds requests until {@code parties} are in flight together, or the time-out passes. */
  private static final class Gate {
    private final int parties;
    private final long timeoutNanos;
    private boolean met;
    private boolean missed;

    Gate(int parties, Duration timeout) {
      this.parties = parties;
      this.timeoutNanos = timeout.toNanos();
    }

    synchronized void arrive(AtomicInteger inFlight) {
      if (parties <= 1 || met || missed) {
        return; // no rendezvous, or it is over: nothing is held any more
      }
      long deadline = System.nanoTime() + timeoutNanos;
      notifyAll(); // a newcomer may be the one the others wait for
      while (!met && !missed) {
        if (inFlight.get() >= parties) {
          met = true;
          notifyAll();
          return;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          missed = true;
          notifyAll();
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(this, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    synchronized void left() {
      notifyAll();
    }

    synchronized boolean met() {
      return met;
    }
  }

  /** The paths, sorted, for messages. */
  static String describe(Set<URI> uris, int limit) {
    var paths = uris.stream().map(URI::toString).collect(Collectors.toCollection(TreeSet::new));
    var shown = paths.stream().limit(limit).collect(Collectors.joining(", "));
    return paths.size() > limit ? shown + " and " + (paths.size() - limit) + " more" : shown;
  }
}
