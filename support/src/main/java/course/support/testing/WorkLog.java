package course.support.testing;

import course.support.WorkProbe;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records every unit of work done in this JVM while it is open: which work function, on which
 * thread, and how many units were under way at the same time.
 *
 * <pre>{@code
 * try (var log = WorkLog.start()) {
 *   WordCount.count(text, 4);
 *   assertTrue(log.threadNames().size() >= 2, ...);
 * }
 * }</pre>
 */
public final class WorkLog implements AutoCloseable {

  /**
   * One unit of work.
   *
   * @param work the work function's name, for example {@link WorkProbe#COUNT_WORDS}
   * @param threadName the name of the thread that did it
   * @param threadId the id of that thread
   * @param virtual whether that thread was a virtual thread
   * @param daemon whether that thread was a daemon thread
   * @param inputLength the length of the input, when it is a {@link CharSequence}; else -1
   */
  public record Call(
      String work,
      String threadName,
      long threadId,
      boolean virtual,
      boolean daemon,
      int inputLength) {}

  private final List<Call> calls = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final WorkProbe.Registration registration;

  private WorkLog() {
    registration =
        WorkProbe.install(
            new WorkProbe.Listener() {
              @Override
              public void beforeWork(String work, Object input) {
                var thread = Thread.currentThread();
                int length = input instanceof CharSequence text ? text.length() : -1;
                synchronized (calls) {
                  calls.add(
                      new Call(
                          work,
                          thread.getName(),
                          thread.threadId(),
                          thread.isVirtual(),
                          thread.isDaemon(),
                          length));
                }
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              }

              @Override
              public void afterWork(String work, Object input) {
                inFlight.decrementAndGet();
              }
            });
  }

  /** Starts recording. Close the log to stop. */
  public static WorkLog start() {
    return new WorkLog();
  }

  /** Every unit of work seen so far, in the order they started. */
  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** The units of work of one work function. */
  public List<Call> calls(String work) {
    return calls().stream().filter(call -> call.work().equals(work)).toList();
  }

  /** The distinct ids of the threads that did work, in order of first appearance. */
  public Set<Long> threadIds() {
    var ids = new LinkedHashSet<Long>();
    calls().forEach(call -> ids.add(call.threadId()));
    return ids;
  }

  /** The distinct names of the threads that did work, in order of first appearance. */
  public Set<String> threadNames() {
    var names = new LinkedHashSet<String>();
    calls().forEach(call -> names.add(call.threadName()));
    return names;
  }

  /**
   * The largest number of units of work that were under way at the same time. A unit counts as
   * under way from this log's {@code beforeWork}: open the log before a {@link Rendezvous} to count
   * the time units spend waiting there.
   */
  public int maxConcurrent() {
    return maxInFlight.get();
  }

  /**
   * Fails unless each of {@code chunks} chunks was counted exactly once, each on a thread of its
   * own, none on {@code caller}: the shape of "one thread per chunk" (chapters 03 and 04).
   *
   * @param chunks how many chunks the text was split into
   * @param caller the thread that called the learner's code ({@link Deadline#caller()})
   */
  public void assertOneThreadPerChunk(int chunks, Thread caller) {
    var counts = calls(WorkProbe.COUNT_WORDS);
    if (counts.size() != chunks) {
      throw new AssertionError(
          "Expected Chunks.countWords to be called once per chunk (%d chunks), but it was called %d times."
              .formatted(chunks, counts.size()));
    }
    if (counts.stream().anyMatch(call -> call.threadId() == caller.threadId())) {
      throw new AssertionError(
          "A chunk was counted on the thread that called count(): give every chunk a thread of its own.");
    }
    if (threadIds().size() != chunks) {
      throw new AssertionError(
          "Expected %d different threads, one per chunk, but the chunks were counted on %d: %s."
              .formatted(chunks, threadIds().size(), threadNames()));
    }
  }

  @Override
  public void close() {
    registration.close();
  }
}
