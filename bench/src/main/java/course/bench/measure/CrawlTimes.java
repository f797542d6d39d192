package course.bench.measure;

import course.bench.Stats;
import course.outro.Crawler;
import course.outro.MeasuredSite;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How long a crawl of chapter 17's test site takes with one request in flight at a time, and with
 * {@link Crawler#MAX_IN_FLIGHT}. Median of 5 crawls each (or the number given), on a fresh site
 * each time, after one warm-up crawl of each. Book chapter 17 quotes its output.
 *
 * <pre>
 * bench/measure.sh crawl-times [runs]
 * </pre>
 *
 * <p>It measures the site as the tests serve it (answers at loopback speed, one page that takes 1.5
 * s) and the same site with 10 ms added to every answer, as if it were far away. Every crawl timed
 * is checked against the site's map: a wrong crawler is not measured.
 */
public final class CrawlTimes {

  private CrawlTimes() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    System.out.printf("Crawl of the test site, median of %d runs (ms)%n", runs);
    System.out.printf(
        "%-28s %12s %12s %8s%n",
        "site", "1 in flight", Crawler.MAX_IN_FLIGHT + " in flight", "speed-up");
    for (var latency : List.of(Duration.ZERO, Duration.ofMillis(10))) {
      crawlMillis(latency, 1); // warm-up: class loading, JIT, the HttpClient's first connection
      crawlMillis(latency, Crawler.MAX_IN_FLIGHT);
      var sequential = new long[runs];
      var concurrent = new long[runs];
      for (int run = 0; run < runs; run++) {
        sequential[run] = crawlMillis(latency, 1);
        concurrent[run] = crawlMillis(latency, Crawler.MAX_IN_FLIGHT);
      }
      double s = Stats.median(Arrays.stream(sequential).asDoubleStream().toArray());
      double c = Stats.median(Arrays.stream(concurrent).asDoubleStream().toArray());
      System.out.printf(
          "%-28s %12.0f %12.0f %7.1fx%n", "+" + latency.toMillis() + " ms per answer", s, c, s / c);
      System.out.printf(
          "  runs: 1 in flight %s, %d in flight %s%n",
          Arrays.toString(sequential), Crawler.MAX_IN_FLIGHT, Arrays.toString(concurrent));
    }
    try (var site = MeasuredSite.withLatency(Duration.ZERO)) {
      Crawler.siteMap(site.start());
      System.out.printf(
          "one crawl: %d pages, %d requests%n", site.expectedSiteMap().size(), site.requests());
    }
    System.out.printf(
        "cores: %d, java %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
  }

  private static long crawlMillis(Duration latency, int maxInFlight) throws InterruptedException {
    try (var site = MeasuredSite.withLatency(latency)) {
      long start = System.nanoTime();
      var pages = Crawler.siteMap(site.start(), maxInFlight);
      long millis = (System.nanoTime() - start) / 1_000_000;
      if (!pages.equals(site.expectedSiteMap())) {
        throw new IllegalStateException(
            "the crawl being timed found %d pages, the site has %d: fix the crawler first (./verify.sh 17)"
                .formatted(pages.size(), site.expectedSiteMap().size()));
      }
      return millis;
    }
  }
}
