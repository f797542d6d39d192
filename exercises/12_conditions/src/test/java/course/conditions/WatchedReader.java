package course.conditions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link BufferedReader} over given lines that remembers who read how much: the threads that
 * called {@code readLine()}, how many lines they got, whether the end was reached. It can throw an
 * {@link IOException} instead of one of its lines.
 */
final class WatchedReader extends BufferedReader {

  private final List<String> lines;
  private final int failAt;
  private final IOException failure;
  private final AtomicInteger served = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<Thread> readers = ConcurrentHashMap.newKeySet();

  private WatchedReader(List<String> lines, int failAt, IOException failure) {
    super(new StringReader(""));
    this.lines = List.copyOf(lines);
    this.failAt = failAt;
    this.failure = failure;
  }

  static WatchedReader of(List<String> lines) {
    return new WatchedReader(lines, -1, null);
  }

  /** Serves {@code lines[0..failAt)}, then throws {@code failure} from readLine(). */
  static WatchedReader failingAt(List<String> lines, int failAt, IOException failure) {
    return new WatchedReader(lines, failAt, failure);
  }

  @Override
  public String readLine() throws IOException {
    readers.add(Thread.currentThread());
    int index = served.get();
    if (index == failAt) {
      throw failure;
    }
    if (index >= lines.size()) {
      ended.set(true);
      return null;
    }
    served.incrementAndGet();
    return lines.get(index);
  }

  @Override
  public int read() throws IOException {
    throw new UnsupportedOperationException("the course's test reader only reads with readLine()");
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    throw new UnsupportedOperationException("the course's test reader only reads with readLine()");
  }

  @Override
  public void close() {
    closed.set(true);
  }

  /** Whether {@code close()} was called. */
  boolean closed() {
    return closed.get();
  }

  /** How many lines {@code readLine()} has handed out. */
  int served() {
    return served.get();
  }

  /** Whether {@code readLine()} has returned null. */
  boolean ended() {
    return ended.get();
  }

  /** The threads that called {@code readLine()}. */
  Set<Thread> readers() {
    return Set.copyOf(readers);
  }
}
