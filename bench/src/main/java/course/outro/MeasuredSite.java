package course.outro;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * Chapter 17's test site, opened for {@code course.bench.measure.CrawlTimes}. {@link TestSite} is
 * the exercise's own test code, package-private, which the bench build copies from {@code
 * exercises/17_outro/src/test/java}: this class is the one door to it from outside the package.
 */
public final class MeasuredSite implements AutoCloseable {

  private final TestSite site;

  private MeasuredSite(TestSite site) {
    this.site = site;
  }

  /**
   * Starts the site the tests crawl, each answer {@code latency} late.
   *
   * @param latency added to every answer; zero for the site as the tests serve it
   * @return the running site; close it after the crawl
   */
  public static MeasuredSite withLatency(Duration latency) {
    return new MeasuredSite(TestSite.withLatency(latency));
  }

  /** The page a crawl starts from. */
  public URI start() {
    return site.start();
  }

  /** Every page of the site a right crawl finds. */
  public Set<URI> expectedSiteMap() {
    return site.expectedSiteMap();
  }

  /** How many requests the site has answered so far. */
  public int requests() {
    return site.requests().size();
  }

  @Override
  public void close() {
    site.close();
  }
}
