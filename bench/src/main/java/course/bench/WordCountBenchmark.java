package course.bench;

import course.support.Chunks;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH benchmark: the time to count the words of one corpus with one approach and a number of
 * workers. {@link Main} runs it once per (size, approach, workers) and turns times into MB/s.
 *
 * <p>The text is read once per measuring JVM, before any timing, and every approach's answer is
 * checked against {@link Chunks#countWordsUnobserved} first: a fast wrong answer is no result.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WordCountBenchmark {

  /** The approach, by its enum name. */
  @Param("SEQUENTIAL")
  public String approach;

  /** Threads or processes to use; ignored by the sequential approach. */
  @Param("1")
  public int workers;

  /** The corpus file to count. */
  @Param("")
  public String corpus;

  private Approach counter;
  private String text;

  @Setup
  public void load() throws Exception {
    counter = Approach.valueOf(approach);
    text = Corpus.load(Path.of(corpus));
    long expected = Chunks.countWordsUnobserved(text);
    long got = counter.count(text, workers);
    if (got != expected) {
      throw new IllegalStateException(
          "%s with %d workers counted %d words, expected %d"
              .formatted(counter.label(), workers, got, expected));
    }
  }

  @Benchmark
  public long count() throws Exception {
    return counter.count(text, workers); // JMH consumes the result: no dead-code elimination
  }
}
