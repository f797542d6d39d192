package course.futures;

import course.support.SlowSource;
import java.util.Objects;

/**
 * A read that failed, and the source it failed on.
 *
 * <p>Given to you: {@link WordCount#countAll} completes its future exceptionally with one of these
 * when a source cannot be read, so that whoever waits on the future learns <em>which</em> source
 * failed ({@link #source()}, and its name in the message) and <em>why</em> ({@link #getCause()}).
 *
 * <p>It is unchecked on purpose: a lambda given to {@code supplyAsync} or {@code thenApply} may
 * throw it as it is.
 */
public final class SourceReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Not serialized: a source is not {@link java.io.Serializable}, and the message names it. */
  private final transient SlowSource source;

  /**
   * A failed read of {@code source}.
   *
   * @param source the source whose read failed
   * @param cause what the read threw
   * @throws NullPointerException if {@code source} is null
   */
  public SourceReadException(SlowSource source, Throwable cause) {
    super(
        "could not read source '%s': %s"
            .formatted(Objects.requireNonNull(source, "source must not be null").name(), cause),
        cause);
    this.source = source;
  }

  /** The source whose read failed. */
  public SlowSource source() {
    return source;
  }
}
