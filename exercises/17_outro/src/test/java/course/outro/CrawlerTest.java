package course.outro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.Integration;
import course.support.testing.LearnerCopy;
import course.support.testing.NoLeftovers;
import course.support.testing.SharedUpdates;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// siteMap is built on normalise: NormaliseTest says first, in its own words, what a wrong
// normalise breaks, before the crawls it also breaks.
@Integration
@ExtendWith(NoLeftovers.class)
class CrawlerTest {

  private static final String HANG_HINT =
      "Check how you know the crawl is over: count the tasks not yet finished (increment before "
          + "you submit one, decrement when it ends, after it submitted its own), and stop "
          + "waiting when the count drops to zero.";

  /** Long enough for the sequential fallback after a missed rendezvous, short for a hang. */
  private static final Duration CRAWL_LIMIT = Duration.ofSeconds(60);

  /** For a site of a few pages: generous on a loaded machine, where it takes well under 1 s. */
  private static final Duration TINY_CRAWL_LIMIT = Deadline.DEFAULT;

  private static Set<URI> crawl(URI start) {
    return Deadline.call(
        CRAWL_LIMIT,
        () -> Crawler.siteMap(start),
        "Crawler.siteMap(%s)".formatted(start),
        HANG_HINT);
  }

  private static Set<URI> crawl(URI start, int maxInFlight) {
    return Deadline.call(
        CRAWL_LIMIT,
        () -> Crawler.siteMap(start, maxInFlight),
        "Crawler.siteMap(%s, %d)".formatted(start, maxInFlight),
        HANG_HINT);
  }

  @Test
  void maps_exactly_the_pages_of_the_site() {
    try (var site = TestSite.open()) {
      var found = crawl(site.start());
      var expected = site.expectedSiteMap();
      if (!expected.equals(found)) {
        fail(SiteMapDiff.explain(site, expected, found));
      }
    }
  }

  @Test
  void never_sends_a_request_to_another_site() {
    try (var site = TestSite.open()) {
      crawl(site.start());
      var requests = site.externalRequests();
      assertTrue(
          requests.isEmpty(),
          () ->
              ("The external server got %d request(s), for %s, but "
                      + "a crawler stays on the start's site. Compare scheme, host and port of every link "
                      + "(after resolving it) with the start's before you fetch it, and do not let the "
                      + "HttpClient follow redirects: a redirect can lead off the site.")
                  .formatted(
                      requests.size(),
                      requests.stream().map(TestSite.Request::path).distinct().limit(5).toList()));
    }
  }

  @Test
  void fetches_each_url_once() {
    try (var site = TestSite.open()) {
      crawl(site.start());
      var repeated = site.fetchedMoreThanOnce();
      assertTrue(
          repeated.isEmpty(),
          () ->
              ("%d path(s) were fetched more than once, e.g. %s "
                      + "(path=times). Claim each normalised URI in a concurrent set before you fetch it, "
                      + "with the atomic add() (it returns false if the URI was already there), not "
                      + "contains() then add(); and keep the client's Redirect.NEVER: a client that follows "
                      + "redirects itself fetches their targets again.")
                  .formatted(repeated.size(), repeated.entrySet().stream().limit(5).toList()));
    }
  }

  @Test
  void fetches_at_least_two_pages_at_the_same_time() {
    try (var site = TestSite.withRendezvous(2, Duration.ofSeconds(5))) {
      crawl(site.start());
      assertTrue(
          site.rendezvousMet(),
          "The web server held a request for 5 s waiting for a "
              + "second one to arrive, and none came: your crawler is sequential, it fetches one page "
              + "after the other. Fetch each page in a task of its own (an executor or virtual "
              + "threads), so that several requests are in flight at once.");
    }
  }

  @ParameterizedTest(name = "at most {0}")
  @ValueSource(ints = {1, 3})
  void never_has_more_requests_in_flight_than_allowed(int maxInFlight) {
    // The site holds requests until one more than allowed are in flight: only a crawler that
    // breaks the bound can get there, and it does at once. A correct one waits out 1 s.
    try (var site = TestSite.withRendezvous(maxInFlight + 1, Duration.ofSeconds(1))) {
      crawl(site.start(), maxInFlight);
      assertTrue(
          site.maxInFlight() <= maxInFlight,
          () ->
              ("siteMap(start, %d) had %d requests "
                      + "in flight at once on the web server. Bound them: acquire a permit of a "
                      + "Semaphore(maxInFlight) before each request and release it in a finally block, or "
                      + "send them from a pool of maxInFlight threads. (The server held some requests for "
                      + "1 s: with a time-out shorter than Crawler.REQUEST_TIMEOUT, a request you gave up "
                      + "on is still in flight there.)")
                  .formatted(maxInFlight, site.maxInFlight()));
    }
  }

  @Test
  void terminates_on_a_site_with_a_cycle() {
    try (var site = TestSite.cycle()) {
      var found = crawl(site.start());
      var expected = Set.of(site.uri("/"), site.uri("/a"), site.uri("/b"));
      assertEquals(
          expected,
          found,
          "On a site of three pages in a cycle (/ -> a -> b -> /, each "
              + "also linking to itself), expected exactly those three pages.");
    }
  }

  @Test
  void normalises_the_start_uri_too() {
    try (var site = TestSite.cycle()) {
      var start = URI.create(site.start() + "?from=test#top");
      var found = crawl(start);
      var expected = Set.of(site.uri("/"), site.uri("/a"), site.uri("/b"));
      assertEquals(
          expected,
          found,
          "siteMap(%s) should give the same three pages as a crawl ".formatted(start)
              + "from "
              + site.start()
              + ": normalise the start URI as you "
              + "normalise links.");
    }
  }

  @Test
  void gives_an_empty_site_map_when_the_start_is_not_a_page() {
    try (var site = TestSite.cycle()) {
      var start = site.uri("/missing");
      var found = crawl(start);
      assertEquals(
          Set.of(),
          found,
          ("siteMap(%s), a page that answers 404, should give an "
                  + "empty site map: only 200 answers with text/html are pages, and a 404 page's links "
                  + "are not followed.")
              .formatted(start));
    }
  }

  @Test
  void closes_its_http_client() throws InterruptedException {
    var before = clientThreads();
    try (var site = TestSite.cycle()) {
      crawl(site.start());
    }
    Set<String> left = Set.of();
    for (int i = 0; i < 150; i++) { // up to 3 s for closing threads to end
      left =
          clientThreads().stream()
              .filter(t -> !before.contains(t))
              .map(Thread::getName)
              .collect(Collectors.toCollection(TreeSet::new));
      if (left.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    fail(
        "After siteMap returned, the HttpClient's threads were still running: "
            + left
            + ". Close the client when the crawl is over: open it in a try-with-resources "
            + "(HttpClient is AutoCloseable since JDK 21).");
  }

  private static Set<Thread> clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith("HttpClient-"))
        .collect(Collectors.toCollection(HashSet::new));
  }

  @Test
  @BadInput
  void rejects_a_null_start() {
    assertThrows(
        NullPointerException.class,
        () -> Crawler.siteMap(null),
        "siteMap(null) must throw NullPointerException.");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "s3/a7.html",
        "/s3/a7.html",
        "ftp://127.0.0.1/",
        "mailto:a@b.org",
        "http:/no-host"
      })
  @BadInput
  void rejects_a_start_that_is_not_an_absolute_web_address(String start) {
    assertThrows(
        IllegalArgumentException.class,
        () -> Crawler.siteMap(URI.create(start)),
        ("siteMap(%s) must throw IllegalArgumentException: the start must be an absolute http "
                + "or https URI with a host.")
            .formatted(start));
  }

  @Test
  @BadInput
  void rejects_fewer_than_one_request_in_flight() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Crawler.siteMap(URI.create("http://127.0.0.1:1/"), 0),
        "siteMap(start, 0) must throw IllegalArgumentException: at least one request must be "
            + "allowed in flight.");
  }

  /** Explains the difference between the expected site map and the one found. */
  static final class SiteMapDiff {
    private SiteMapDiff() {}

    static String explain(TestSite site, Set<URI> expected, Set<URI> found) {
      var missing = new HashSet<>(expected);
      missing.removeAll(found);
      var extra = new HashSet<>(found);
      extra.removeAll(expected);
      var message =
          new StringBuilder(
              "Expected the %d pages of the test site, got %d."
                  .formatted(expected.size(), found.size()));
      if (!missing.isEmpty()) {
        message.append(" Missing %d: %s.".formatted(missing.size(), TestSite.describe(missing, 4)));
      }
      if (!extra.isEmpty()) {
        message.append(" Not pages of the site: %s.".formatted(TestSite.describe(extra, 4)));
      }
      for (var hint : hints(site, missing, extra, found)) {
        message.append(' ').append(hint);
      }
      return message.toString();
    }

    private static ArrayList<String> hints(
        TestSite site, Set<URI> missing, Set<URI> extra, Set<URI> found) {
      var hints = new ArrayList<String>();
      var content = site.content();
      var origin = site.start().resolve("/");
      if (missing.size() > found.size()) {
        // Most of the site is missing: the cause is how the crawl ends, not one kind of link.
        hints.add(
            "Most pages are missing: did you return before the tasks had finished? Wait "
                + "until no task is left, and make sure that each page's task submits the tasks for "
                + "its links before it counts itself finished.");
        return hints;
      }
      if (extra.stream().anyMatch(u -> u.getRawQuery() != null || u.getRawFragment() != null)) {
        hints.add("Drop the query and the fragment of every link: they name the same page.");
      }
      if (extra.stream().anyMatch(u -> u.getRawPath() == null || u.getRawPath().isEmpty())) {
        hints.add("An empty path names the same page as \"/\".");
      }
      if (extra.stream().anyMatch(u -> !sameOrigin(u, origin))) {
        hints.add("Keep only pages with the start's scheme, host and port.");
      }
      var extraPaths =
          extra.stream()
              .filter(u -> sameOrigin(u, origin))
              .map(URI::getRawPath)
              .collect(Collectors.toSet());
      if (extraPaths.contains(SiteContent.ONLY_IN_TEXT_FILE_PATH)) {
        hints.add(
            SiteContent.ONLY_IN_TEXT_FILE_PATH
                + " is named only inside a text/plain file: "
                + "read links only from answers whose Content-Type starts with text/html.");
      }
      if (extraPaths.contains(SiteContent.ONLY_ON_404_PAGE_PATH)) {
        hints.add(
            SiteContent.ONLY_ON_404_PAGE_PATH
                + " is linked only from the site's 404 page: "
                + "read links only from 200 answers.");
      }
      for (var path : extraPaths) {
        var resource = content.resource(path);
        if (resource.status() == 404 && path.startsWith("/")) {
          hints.add(path + " answers 404: only 200 answers are pages.");
          break;
        }
      }
      if (extraPaths.stream().anyMatch(p -> content.resource(p).status() / 100 == 3)) {
        hints.add(
            "A redirect is not a page: put where it leads in the site map, not the "
                + "redirect itself.");
      }
      if (extraPaths.stream()
          .anyMatch(
              p -> content.resource(p).status() == 200 && !content.resource(p).isHtmlPage())) {
        hints.add(
            "Images, PDFs and text files are not pages: check that the Content-Type "
                + "starts with text/html.");
      }
      var missingPaths = missing.stream().map(URI::getRawPath).collect(Collectors.toSet());
      if (missingPaths.contains(SiteContent.SLOW_PATH)) {
        hints.add(
            "%s answers after %.1f s: use Crawler.REQUEST_TIMEOUT as the request's "
                    .formatted(SiteContent.SLOW_PATH, SiteContent.SLOW_MILLIS / 1000.0)
                + "time-out, and keep waiting for the pages that are still on their way.");
      }
      if (missingPaths.contains(SiteContent.ONLY_BEHIND_REDIRECT_PATH)
          || missingPaths.contains("/chain-end.html")) {
        hints.add(
            SiteContent.ONLY_BEHIND_REDIRECT_PATH
                + " and /chain-end.html are reached "
                + "only through redirects: treat a 3xx answer's Location header as a link, "
                + "resolved against the URI you asked for.");
      }
      if (missingPaths.equals(Set.of(SiteContent.BEHIND_RELATIVE_REDIRECT_PATH))) {
        hints.add(
            ("%s is reached only through %s, a redirect whose Location is relative (%s): "
                    + "resolve a Location against the URI you asked for (%s), not against the "
                    + "start or the page that linked to it.")
                .formatted(
                    SiteContent.BEHIND_RELATIVE_REDIRECT_PATH,
                    SiteContent.RELATIVE_REDIRECT_PATH,
                    SiteContent.RELATIVE_LOCATION,
                    SiteContent.RELATIVE_REDIRECT_PATH));
      }
      if (missingPaths.contains(SiteContent.BEHIND_ODD_LINKS_PATH)) {
        hints.add(
            SiteContent.BEHIND_ODD_LINKS_PATH
                + " is linked only from "
                + SiteContent.ODD_LINKS_PATH
                + ", after a row of malformed links: skip a link that "
                + "does not parse (catch the exception) and go on with the next one.");
      }
      if (hints.isEmpty()) {
        hints.add(
            "Resolve each href against the URI of the page it is on, and check that "
                + "no exception from one page (a malformed link, a failed request) ends the crawl.");
      }
      return hints;
    }

    private static boolean sameOrigin(URI uri, URI origin) {
      return "http".equalsIgnoreCase(uri.getScheme())
          && origin.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
          && origin.getPort() == uri.getPort();
    }
  }

  @Test
  void shares_no_plain_collection_between_tasks() {
    // A HashSet that two tasks add to at the same moment can claim one URI twice or lose one, in
    // a window of nanoseconds that no test site shows reliably. A copy of your classes reports
    // which threads change each collection, and whether they hold a lock: every run, no luck.
    var copy = LearnerCopy.of(Crawler.class).load();
    try (var site = TestSite.cycle()) {
      var start = site.start();
      var watched =
          Deadline.call(
              TINY_CRAWL_LIMIT,
              () ->
                  LearnerCopy.watchPlainCollections(
                      copy.<Set<URI>>staticCall(Crawler.class, "siteMap", start)),
              "Crawler.siteMap(%s)".formatted(start),
              HANG_HINT);
      if (!watched.shared().isEmpty()) {
        fail(
            ("While crawling %s: %s. A HashSet, HashMap or ArrayList is not thread-safe: two "
                    + "tasks that add to it at the same moment can both claim one URI, or lose "
                    + "an entry (a race too rare to show in a test run, so the test watched which "
                    + "threads changed each collection). Keep what the tasks share in concurrent "
                    + "collections (ConcurrentHashMap.newKeySet()), or change it only while "
                    + "holding one lock.")
                .formatted(start, watched.shared().getFirst()));
      }
    }
  }

  private static final String OWN_STATE_HINT =
      "Each call of siteMap must crawl on its own: keep the claimed URIs, the pages found and the "
          + "count of unfinished tasks in objects that the call makes (local variables, or one "
          + "object per crawl), not in static fields, which every call shares.";

  @Test
  void two_crawls_at_once_each_map_their_own_site() throws Exception {
    // A first crawl is held in the middle (the server holds its request for /gate.html) while a
    // second one runs in full: of the same site, then, with a new first crawl, of another site.
    try (var site = TestSite.withHeldPage()) {
      overlap(site, site.start(), site.heldSiteMap(), "of the same site");
    }
    try (var site = TestSite.withHeldPage();
        var other = TestSite.cycle()) {
      overlap(
          site,
          other.start(),
          Set.of(other.uri("/"), other.uri("/a"), other.uri("/b")),
          "of another site");
    }
  }

  /**
   * Crawls {@code held}, holds that crawl at its held page, crawls {@code secondStart} meanwhile,
   * then lets the first crawl go on; fails unless each crawl gives its own site map.
   */
  private static void overlap(
      TestSite held, URI secondStart, Set<URI> secondExpected, String secondSite) throws Exception {
    var start = held.start();
    var first = new FutureTask<Set<URI>>(() -> Crawler.siteMap(start));
    Thread.ofPlatform().name("first-crawl").daemon().start(first);
    var meanwhile =
        "while a first crawl of %s was still running (the test's server held its request for %s)"
            .formatted(start, TestSite.HELD_PATH);
    Set<URI> second;
    try {
      awaitHeld(held, first, "siteMap(%s)".formatted(start));
      second =
          Deadline.call(
              TINY_CRAWL_LIMIT,
              () -> Crawler.siteMap(secondStart),
              "Crawler.siteMap(%s), %s".formatted(secondStart, meanwhile),
              "Did this crawl find its pages already claimed by the first one, or wait for the "
                  + "first one's tasks? "
                  + OWN_STATE_HINT);
    } finally {
      held.release();
    }
    assertEquals(
        secondExpected,
        second,
        "%s, siteMap(%s) %s returned %s instead of its %d pages. %s"
            .formatted(
                Character.toUpperCase(meanwhile.charAt(0)) + meanwhile.substring(1),
                secondStart,
                secondSite,
                TestSite.describe(second, 6),
                secondExpected.size(),
                OWN_STATE_HINT));
    var firstMap =
        Deadline.call(
            TINY_CRAWL_LIMIT,
            () -> result(first),
            "The first Crawler.siteMap(%s), once its held page was answered".formatted(start),
            OWN_STATE_HINT);
    assertEquals(
        held.heldSiteMap(),
        firstMap,
        ("A first siteMap(%s), held at %s while siteMap(%s) %s ran in full, returned %s "
                + "instead of the site's %d pages. %s")
            .formatted(
                start,
                TestSite.HELD_PATH,
                secondStart,
                secondSite,
                TestSite.describe(firstMap, 6),
                held.heldSiteMap().size(),
                OWN_STATE_HINT));
  }

  /** Waits until {@code site} holds the crawl's request; fails when the crawl ends first. */
  private static void awaitHeld(TestSite site, Future<?> crawl, String call) throws Exception {
    long until = System.nanoTime() + TINY_CRAWL_LIMIT.toNanos();
    while (!site.awaitHeld(Duration.ofMillis(10))) {
      if (crawl.isDone()) {
        result(crawl); // what it threw, as it threw it (the stub's TODO, for one)
        fail(
            ("%s returned without fetching %s, which the start page links to: did it return "
                    + "before the tasks had finished? %s")
                .formatted(call, TestSite.HELD_PATH, HANG_HINT));
      }
      if (System.nanoTime() - until > 0) {
        fail(
            "%s did not request %s within %d s, and the start page links to it."
                .formatted(call, TestSite.HELD_PATH, TINY_CRAWL_LIMIT.toSeconds()));
      }
    }
  }

  private static <T> T result(Future<T> crawl) throws Exception {
    try {
      return crawl.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Test
  void throws_InterruptedException_when_interrupted_while_the_crawl_goes_on() throws Exception {
    try (var site = TestSite.withHeldPage()) {
      var start = site.start();
      var caller = new AtomicReference<Thread>();
      var interrupter =
          Thread.ofPlatform()
              .name("interrupter")
              .daemon()
              .start(() -> interruptWhileHeld(site, caller));
      Throwable thrown = null;
      try {
        Deadline.call(
            TINY_CRAWL_LIMIT,
            () -> {
              caller.set(Thread.currentThread());
              return Crawler.siteMap(start);
            },
            "Crawler.siteMap(%s), interrupted while the crawl went on".formatted(start),
            "Once interrupted, stop waiting for the crawl: let the InterruptedException out, and "
                + "make sure closing the executor does not wait for tasks that never end.");
      } catch (Exception e) {
        thrown = e;
      } finally {
        site.release();
        interrupter.join(TimeUnit.SECONDS.toMillis(30));
      }
      if (!(thrown instanceof InterruptedException)) {
        fail(
            ("The thread calling siteMap(%s) was interrupted while the crawl was still going on "
                    + "(the test's server held its request for %s); siteMap must then throw "
                    + "InterruptedException (its Javadoc: @throws InterruptedException), but it "
                    + "%s. Do not catch InterruptedException around the wait for the crawl, or "
                    + "rethrow it once the crawl's threads are stopped.")
                .formatted(
                    start,
                    TestSite.HELD_PATH,
                    thrown == null
                        ? "returned normally (was the interrupt caught and ignored?)"
                        : "threw " + thrown));
      }
    }
  }

  /**
   * Once {@code site} holds the crawl's request, interrupts the caller; lets the request go once
   * the caller has taken the interrupt (it has ended, or waits with its interrupt status cleared),
   * so that the crawl cannot end before the interrupt is seen.
   */
  private static void interruptWhileHeld(TestSite site, AtomicReference<Thread> caller) {
    try {
      long until = System.nanoTime() + TINY_CRAWL_LIMIT.toNanos();
      while (!site.awaitHeld(Duration.ofMillis(10))) {
        var thread = caller.get();
        if (thread != null && !thread.isAlive() || System.nanoTime() - until > 0) {
          return; // the call is over without a request held: the test says what it did
        }
      }
      var thread = caller.get();
      thread.interrupt();
      long answered = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (thread.isAlive() && !tookTheInterrupt(thread) && System.nanoTime() - answered < 0) {
        Thread.sleep(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      site.release();
    }
  }

  private static boolean tookTheInterrupt(Thread thread) throws InterruptedException {
    if (thread.isInterrupted() || !waiting(thread)) {
      return false;
    }
    Thread.sleep(1);
    return !thread.isInterrupted() && waiting(thread);
  }

  private static boolean waiting(Thread thread) {
    var state = thread.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }

  @Test
  void gives_up_on_a_page_that_never_answers() {
    // Crawler.REQUEST_TIMEOUT is 10 s: a copy of your classes in which it is 100 ms lets the test
    // check it in a fraction of that.
    var timeout = Duration.ofMillis(100);
    var copy =
        LearnerCopy.of(Crawler.class)
            .withConstant(Crawler.class, "REQUEST_TIMEOUT", timeout)
            .load();
    try (var site = TestSite.withHeldPage()) { // never released: the page never answers
      var start = site.start();
      var found =
          Deadline.call(
              // Shorter than the real 10 s, so that a copy of its value is no way out.
              Duration.ofSeconds(8),
              () -> copy.<Set<URI>>staticCall(Crawler.class, "siteMap", start).call(),
              "Crawler.siteMap(%s), with Crawler.REQUEST_TIMEOUT set to %d ms"
                  .formatted(start, timeout.toMillis()),
              ("The test's server accepted the request for %s and never answered. With "
                      + "Crawler.REQUEST_TIMEOUT at %d ms, that request should have failed after "
                      + "%d ms and the crawl gone on without the page: give every request the "
                      + "time-out Crawler.REQUEST_TIMEOUT (HttpRequest.Builder.timeout). A connect "
                      + "time-out does not cover this: the connection was made.")
                  .formatted(TestSite.HELD_PATH, timeout.toMillis(), timeout.toMillis()));
      assertTrue(
          !found.contains(site.uri(TestSite.HELD_PATH)),
          "%s never answered, yet it is in the site map %s: only pages that answered are."
              .formatted(TestSite.HELD_PATH, TestSite.describe(found, 6)));
    }
  }

  @Test
  void claims_each_page_without_a_race() {
    // `if (!claimed.contains(uri)) claimed.add(uri)` lets two workers claim one page in a window
    // of nanoseconds, which no test site shows reliably: the course reads the compiled code.
    SharedUpdates.assertNone(
        Crawler.class,
        "Claim a URI with the answer of one atomic call: if (claimed.add(uri)) { fetch it } on a concurrent set (ConcurrentHashMap.newKeySet()).");
  }
}
