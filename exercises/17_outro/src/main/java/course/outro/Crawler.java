package course.outro;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Exercise 17, the capstone: a concurrent site-map crawler. Read book/17_outro.md first.
 *
 * <p>Given to you: {@link java.net.http.HttpClient} (in the JDK), jsoup (on the classpath), and
 * {@link #hrefs(String)} below, which reads the links out of a page with jsoup. Also given: the
 * tools of the earlier chapters, an executor or virtual threads (08, 10), concurrent collections,
 * and a way to wait for work to end (a {@link java.util.concurrent.CountDownLatch}, a {@link
 * java.util.concurrent.Phaser}, futures).
 *
 * <p>Yours: {@link #normalise(URI, String)}, which turns a link into the URI of the page it names,
 * and {@link #siteMap(URI, int)}, the crawler. How you organise the crawl (a work queue fed by one
 * coordinator, or tasks that submit tasks) is your choice: the book walks through both.
 */
public final class Crawler {

  /** How many requests {@link #siteMap(URI)} keeps in flight at most: be polite to the site. */
  public static final int MAX_IN_FLIGHT = 8;

  /**
   * How long one request may take. A page that has not answered by then is left out of the site
   * map; the crawl goes on without it. The slowest page of the tests' site takes about 1.5 s. A
   * test may load your class with a shorter value here, to check this time-out without waiting 10
   * s: use this constant, not a copy of its value.
   */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private Crawler() {}

  /**
   * The site map of {@code start}'s site, with at most {@link #MAX_IN_FLIGHT} requests at once.
   * Given: it calls {@link #siteMap(URI, int)}, which checks the arguments.
   *
   * @param start the first page, an absolute {@code http} or {@code https} URI with a host
   * @return the normalised URIs of every page reached; an empty set if the start is not a page
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code start} is not an absolute http or https URI with a
   *     host
   * @throws InterruptedException if interrupted while waiting for the crawl to finish
   * @see #siteMap(URI, int)
   */
  public static Set<URI> siteMap(URI start) throws InterruptedException {
    return siteMap(start, MAX_IN_FLIGHT);
  }

  /**
   * Every page of the site that can be reached from {@code start}, fetched concurrently.
   *
   * <p><b>The site</b> is the start's origin: the same scheme, host and port as {@code start}
   * (compare them as {@link URI#getScheme()}, {@link URI#getHost()} and {@link URI#getPort()}
   * return them). A link anywhere else is never requested, not even once.
   *
   * <p><b>A page</b> is a URI of the site that answers {@code 200 OK} with a {@code Content-Type}
   * that starts with {@code text/html}. Only pages go in the site map, and only pages are read for
   * links: a 404's body, a redirect's body, a text file, an image are not.
   *
   * <p><b>The rules of the crawl:</b>
   *
   * <ul>
   *   <li>Start from {@code normalise(start, start.toString())}; every link found in a page goes
   *       through {@link #normalise(URI, String)} with that page's URI as the base. A link that
   *       normalises to nothing is skipped.
   *   <li>A redirect ({@code 3xx} with a {@code Location} header) is a link like any other:
   *       normalise its {@code Location} against the URI you asked for, and crawl it if it is on
   *       the site. Do not let the client follow redirects itself (keep {@code
   *       HttpClient.Redirect.NEVER}, the default): it would follow one off the site.
   *   <li>Each URI is requested at most once, however many links lead to it.
   *   <li>Every request has the time-out {@link #REQUEST_TIMEOUT}. A request that fails (time-out,
   *       connection error, an answer other than a page) is skipped, never fatal to the crawl.
   *   <li>Up to {@code maxInFlight} requests run at the same time, never more. With {@code
   *       maxInFlight} 1 the crawl is sequential; with more, pages must really be fetched at the
   *       same time: the tests' web server checks.
   *   <li>When this method returns, every thread, pool and {@link java.net.http.HttpClient} it
   *       created has been closed ({@code HttpClient} is {@link AutoCloseable} since JDK 21).
   * </ul>
   *
   * @param start the first page, an absolute {@code http} or {@code https} URI with a host
   * @param maxInFlight the largest number of requests in flight at once; at least 1
   * @return the normalised URIs (see {@link #normalise(URI, String)}) of every page reached; an
   *     empty set if the start itself is not a page
   * @throws NullPointerException if {@code start} is null
   * @throws IllegalArgumentException if {@code start} is not an absolute http or https URI with a
   *     host, or if {@code maxInFlight < 1}
   * @throws InterruptedException if interrupted while waiting for the crawl to finish
   */
  public static Set<URI> siteMap(URI start, int maxInFlight) throws InterruptedException {
    // TODO: check the arguments: null start (Objects.requireNonNull); a start that is not an
    //       absolute http or https URI with a host, or maxInFlight < 1
    //       (IllegalArgumentException). normalise(start, start.toString()) helps.
    // TODO: open an HttpClient and an executor (or virtual threads) in one try-with-resources.
    // TODO: keep a concurrent set of the URIs already claimed, and one of the pages found.
    // TODO: bound the requests in flight (a Semaphore, or a pool of maxInFlight threads).
    // TODO: fetch each page in its own task: a 3xx's Location and a page's hrefs(...) are
    //       normalised, and each new URI of the site becomes a new task.
    // TODO: wait until no task is left (count the tasks in flight: the crawl is over when the
    //       count drops to zero), then return the pages. book/17_outro.md, "Knowing when to stop".
    throw new UnsupportedOperationException("TODO: crawl the site concurrently");
  }

  /**
   * The URI of the page that {@code href}, found on the page {@code base}, names; or empty if it
   * names no web page.
   *
   * <ol>
   *   <li>Parse {@code href} and resolve it against {@code base} ({@link URI#create(String)} and
   *       {@link URI#resolve(URI)}). An {@code href} that is not a valid URI gives empty.
   *   <li>Keep only {@code http} and {@code https} URIs that have a host: {@code mailto:}, {@code
   *       javascript:}, {@code ftp:} or a URI without a host give empty. A scheme is
   *       case-insensitive: {@code HTTP://...} and {@code Https://...} are http and https URIs too.
   *   <li>Drop the fragment ({@code #...}): it names a place in the page, not another page.
   *   <li>Drop the query ({@code ?...}): on the sites this crawler maps, a query never names
   *       another page.
   *   <li>An empty path means {@code /}; remove {@code .} and {@code ..} segments ({@link
   *       URI#normalize()}).
   * </ol>
   *
   * <p>Examples, with {@code base} {@code http://127.0.0.1:8080/s3/a7.html}: {@code a8.html} gives
   * {@code http://127.0.0.1:8080/s3/a8.html}; {@code ../?x=1#top} gives {@code
   * http://127.0.0.1:8080/}; {@code mailto:me@example.org} and {@code http://[bad} give empty.
   *
   * @param base the absolute URI of the page the link was found on
   * @param href the link as written in the page
   * @return the absolute URI it names, without query or fragment; or empty
   * @throws NullPointerException if {@code base} or {@code href} is null
   */
  static Optional<URI> normalise(URI base, String href) {
    // TODO: resolve, catch IllegalArgumentException (a malformed href) and return empty.
    // TODO: check the scheme and the host; rebuild the URI without query and fragment, e.g.
    //       new URI(scheme, authority, path, null, null), with "/" for an empty path.
    //       Read book/17_outro.md, "Normalising URLs".
    throw new UnsupportedOperationException("TODO: normalise a link");
  }

  /**
   * Given: the {@code href} of every {@code <a>} element of an HTML page, as written, in order.
   * Other elements ({@code <link>}, {@code <img>}) are not links to pages.
   */
  static List<String> hrefs(String html) {
    return Jsoup.parse(html).select("a[href]").eachAttr("href");
  }
}
