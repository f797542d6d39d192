package course.support;

import java.time.Duration;
import java.util.Objects;

/**
 * A source of text that is slow to answer, as a file on a network drive or a web page would be.
 *
 * <p>{@link #read()} blocks the calling thread for the source's latency and then returns the text.
 * The thread uses no CPU while it waits, exactly as a thread blocked on a socket: that is the kind
 * of work where virtual threads shine (chapter 10).
 *
 * <p>Like {@link Chunks#countWords}, {@code read()} tells {@link WorkProbe} about every call, under
 * the work name {@link #READ}, so that the tests can see which threads read and how many read at
 * the same time.
 */
public final class SlowSource {

  /** The work name that {@link #read()} reports to {@link WorkProbe}. */
  public static final String READ = "readSource";

  private final String name;
  private final String text;
  private final Duration latency;

  /**
   * A source named {@code name} that answers {@code text} after {@code latency}.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public SlowSource(String name, String text, Duration latency) {
    this.name = Objects.requireNonNull(name, "name must not be null");
    this.text = Objects.requireNonNull(text, "text must not be null");
    this.latency = Objects.requireNonNull(latency, "latency must not be null");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, got " + latency);
    }
  }

  /** The source's name, for messages. */
  public String name() {
    return name;
  }

  /** How long {@link #read()} blocks. */
  public Duration latency() {
    return latency;
  }

  /**
   * Waits for the source's latency, as blocking I/O would, then returns its text.
   *
   * @return the text of this source
   * @throws InterruptedException if the thread is interrupted while it waits
   */
  public String read() throws InterruptedException {
    WorkProbe.beforeWork(READ, this);
    try {
      Thread.sleep(latency);
      return text;
    } finally {
      WorkProbe.afterWork(READ, this);
    }
  }

  @Override
  public String toString() {
    return "SlowSource[" + name + ", " + latency.toMillis() + " ms]";
  }
}
