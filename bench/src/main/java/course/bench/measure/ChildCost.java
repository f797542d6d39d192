package course.bench.measure;

import course.bench.Stats;
import course.processes.CountWorker;
import course.processes.WordCount;
import course.support.ChildJvm;
import course.support.Chunks;
import course.support.testing.Texts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Measures what chapter 02's child processes cost: starting a child JVM, and copying a chunk to one
 * through a pipe. The numbers quoted in {@code book/02_processes.md} come from this program.
 *
 * <p>The text is the course's mixed test text ({@link Texts#generate}): words in several scripts,
 * emoji, ASCII and Unicode whitespace. It prints the median of several runs of each of:
 *
 * <ol>
 *   <li><b>Start-up.</b> The time from {@code ProcessBuilder.start()} until a {@link CountWorker}
 *       child, whose stdin is closed at once, has printed {@code 0} and exited: a whole JVM brought
 *       up and torn down for no work at all.
 *   <li><b>Pipe.</b> For 1, 10 and 100 MB of text, two trips to a child that has already booted (it
 *       says {@code ready} first, and only then does the clock start; start-up is not in these
 *       numbers, and neither is counting):
 *       <ul>
 *         <li><em>raw bytes</em>: the parent writes bytes it encoded beforehand to the child's
 *             stdin and closes it; the child reads them all and replies with their number. The pipe
 *             alone.
 *         <li><em>as text</em>: the parent encodes the {@code String} as UTF-8, writes and closes;
 *             the child reads it all, decodes it back into a {@code String} (as {@link CountWorker}
 *             does) and replies with its length. What a chunk really costs to send.
 *       </ul>
 *   <li><b>Counting here.</b> For the same texts, the time to count the words in this JVM on one
 *       thread with {@link Chunks#countWordsUnobserved}, to compare the copy with the work it
 *       feeds.
 *   <li><b>Two children.</b> For the same texts, chapter 02's whole {@link WordCount#count(String,
 *       int)} with two child processes: start-up, copy and counting, end to end.
 * </ol>
 *
 * <pre>
 * bench/measure.sh child-cost [runs] [MB ...]
 * </pre>
 *
 * <p>Optional arguments: the number of runs per measurement (default 7), then the sizes in MB
 * (default {@code 1 10 100}).
 */
public final class ChildCost {

  private static final int MB = 1_000_000;

  private ChildCost() {}

  /**
   * Runs the measurements and prints their medians.
   *
   * @param args optional: runs per measurement, then sizes in MB
   * @throws IOException if a child cannot be started or talked to
   * @throws InterruptedException if interrupted while waiting for a child
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int[] sizes =
        args.length > 1
            ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
            : new int[] {1, 10, 100};
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, got " + runs);
    }
    System.out.printf(
        "Java %s, %d cores, %d runs per measurement (medians)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), runs);

    startUp(); // warm up this JVM's process-starting code once, unmeasured
    System.out.printf(
        "start a child JVM and wait for it to exit: %.1f ms%n", median(runs, ChildCost::startUp));

    System.out.printf(
        "%10s %16s %16s %16s %16s%n",
        "size", "raw bytes (ms)", "as text (ms)", "count here (ms)", "2 children (ms)");
    for (int size : sizes) {
      var sample = textOf(size);
      var text = sample.text();
      var bytes = text.getBytes(StandardCharsets.UTF_8);
      double megabytes = (double) bytes.length / MB;
      double raw = median(runs, () -> pipe(bytes, bytes.length, false));
      double asText =
          median(
              runs, () -> pipe(() -> text.getBytes(StandardCharsets.UTF_8), text.length(), true));
      double counting = median(runs, () -> counted(sample));
      double inChildren = median(runs, () -> countedInChildren(sample, 2));
      System.out.printf(
          "%7.1f MB %16.1f %16.1f %16.1f %16.1f%n", megabytes, raw, asText, counting, inChildren);
    }
  }

  /** Starts a CountWorker, closes its stdin at once, waits for its answer; returns nanos. */
  private static long startUp() {
    try {
      long start = System.nanoTime();
      var child = new ProcessBuilder(ChildJvm.command(CountWorker.class)).start();
      child.getOutputStream().close(); // no input: the child counts 0 words and exits
      var reply = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = child.waitFor();
      long elapsed = System.nanoTime() - start;
      check(status == 0 && reply.strip().equals("0"), "CountWorker", status, reply);
      return elapsed;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a Drain child, waits until it is up, then times: {@code encode} (which produces the
   * bytes: {@code getBytes} for the text trip, nothing for the raw one), writing the bytes to the
   * child's stdin and closing it, and the child's reply. Returns nanos.
   */
  private static long pipe(byte[] bytes, long expectedReply, boolean decode) {
    return pipe(() -> bytes, expectedReply, decode);
  }

  private static long pipe(Supplier<byte[]> encode, long expectedReply, boolean decode) {
    Process child = null;
    try {
      var command = new ArrayList<>(ChildJvm.command(Drain.class));
      if (decode) {
        command.add("decode");
      }
      child = new ProcessBuilder(command).start();
      var replies =
          new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
      String ready = replies.readLine(); // the child is up and about to read
      check("ready".equals(ready), "Drain", -1, String.valueOf(ready));

      long start = System.nanoTime();
      try (var stdin = child.getOutputStream()) {
        stdin.write(encode.get());
      }
      String reply = replies.readLine();
      long elapsed = System.nanoTime() - start;

      int status = child.waitFor();
      check(status == 0 && String.valueOf(expectedReply).equals(reply), "Drain", status, reply);
      return elapsed;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (child != null) {
        child.destroyForcibly();
      }
    }
  }

  /** Counts the words of {@code text} in this JVM; returns nanos. */
  private static long counted(Sample text) {
    long start = System.nanoTime();
    long words = Chunks.countWordsUnobserved(text.text());
    long elapsed = System.nanoTime() - start;
    check(words == text.words(), "the count in place", 0, String.valueOf(words));
    return elapsed;
  }

  /** Counts the words of {@code text} with chapter 02's solution, end to end; returns nanos. */
  private static long countedInChildren(Sample text, int children) {
    try {
      long start = System.nanoTime();
      long words = WordCount.count(text.text(), children);
      long elapsed = System.nanoTime() - start;
      check(words == text.words(), "WordCount.count", 0, String.valueOf(words));
      return elapsed;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A text and how many words it holds. */
  private record Sample(String text, int words) {}

  /**
   * About {@code megabytes} MB (as UTF-8) of the course's mixed test text: ASCII and accented
   * words, Greek, Cyrillic, CJK and emoji, separated by ASCII and Unicode whitespace.
   */
  private static Sample textOf(int megabytes) {
    var probe = Texts.generate(1, 100_000);
    double bytesPerWord = probe.getBytes(StandardCharsets.UTF_8).length / 100_000.0;
    int words = (int) (megabytes * (double) MB / bytesPerWord);
    return new Sample(Texts.generate(megabytes, words), words);
  }

  /** Runs {@code measurement} {@code runs} times; returns the median in milliseconds. */
  private static double median(int runs, LongSupplier measurement) {
    var millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = measurement.getAsLong() / 1e6;
    }
    return Stats.median(millis);
  }

  private static void check(boolean ok, String who, int status, String reply) {
    if (!ok) {
      throw new IllegalStateException(
          "%s answered '%s' (exit status %d)".formatted(who, reply, status));
    }
  }

  /**
   * The child of the pipe measurement: says {@code ready}, reads stdin to its end and prints how
   * many bytes it got; with the argument {@code decode}, it first decodes them as UTF-8, as {@link
   * CountWorker} does, and prints how many {@code char}s they made.
   */
  public static final class Drain {

    private Drain() {}

    /**
     * Reads all of standard input and prints its size.
     *
     * @param args {@code decode} to decode the input as UTF-8 first; otherwise nothing
     * @throws IOException if standard input cannot be read
     */
    public static void main(String[] args) throws IOException {
      System.out.println("ready");
      System.out.flush();
      byte[] input = System.in.readAllBytes();
      boolean decode = args.length > 0 && args[0].equals("decode");
      System.out.println(
          decode ? new String(input, StandardCharsets.UTF_8).length() : input.length);
      System.out.flush();
    }
  }
}
