package course.outro;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not part of the test suite (Surefire runs only classes whose names end in Test):
 * how long a crawl of the test site takes with one request in flight at a time, and with {@link
 * Crawler#MAX_IN_FLIGHT}. Median of 5 crawls each, on a fresh site each time, after one warm-up
 * crawl of each. Run it on your own solution, or on the course's:
 *
 * <pre>
 * ./mvnw -q -Psolutions -pl solutions/17_outro -am test -Dtest=CrawlTimes \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * cat solutions/17_outro/target/crawl-times.txt
 * </pre>
 *
 * <p>It measures the site as the tests serve it (answers at loopback speed, one page that takes 1.5
 * s) and the same site with 10 ms added to every answer, as if it were far away.
 */
class CrawlTimes {

  private static final int RUNS = 5;

  @Test
  void measure_crawl_times() throws Exception {
    var report = new ArrayList<String>();
    report.add("Crawl of the test site, median of %d runs (ms)".formatted(RUNS));
    report.add(
        "%-28s %12s %12s %8s"
            .formatted("site", "1 in flight", Crawler.MAX_IN_FLIGHT + " in flight", "speed-up"));
    for (var latency : List.of(Duration.ZERO, Duration.ofMillis(10))) {
      crawlMillis(latency, 1); // warm-up: class loading, JIT, the HttpClient's first connection
      crawlMillis(latency, Crawler.MAX_IN_FLIGHT);
      var sequential = new long[RUNS];
      var concurrent = new long[RUNS];
      for (int run = 0; run < RUNS; run++) {
        sequential[run] = crawlMillis(latency, 1);
        concurrent[run] = crawlMillis(latency, Crawler.MAX_IN_FLIGHT);
      }
      long s = median(sequential);
      long c = median(concurrent);
      report.add(
          "%-28s %12d %12d %7.1fx"
              .formatted("+" + latency.toMillis() + " ms per answer", s, c, (double) s / c));
      report.add(
          "  runs: 1 in flight "
              + Arrays.toString(sequential)
              + ", "
              + Crawler.MAX_IN_FLIGHT
              + " in flight "
              + Arrays.toString(concurrent));
    }
    try (var site = TestSite.open()) {
      Crawler.siteMap(site.start());
      report.add(
          "one crawl: %d pages, %d requests"
              .formatted(site.expectedSiteMap().size(), site.requests().size()));
    }
    report.add(
        "cores: "
            + Runtime.getRuntime().availableProcessors()
            + ", java "
            + System.getProperty("java.version"));
    Files.write(Path.of("target", "crawl-times.txt"), report);
    report.forEach(System.out::println);
  }

  private static long crawlMillis(Duration latency, int maxInFlight)
      throws InterruptedException, IOException {
    try (var site = TestSite.withLatency(latency)) {
      long start = System.nanoTime();
      var pages = Crawler.siteMap(site.start(), maxInFlight);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(site.expectedSiteMap(), pages, "the crawl being timed must be right too");
      return millis;
    }
  }

  private static long median(long[] values) {
    var sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
