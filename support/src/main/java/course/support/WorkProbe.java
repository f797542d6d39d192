package course.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the tests watch the work your code hands out.
 *
 * <p>The support code's work functions ({@link Chunks#countWords} and, in later chapters, the prime
 * and factoring helpers) call {@link #beforeWork} and {@link #afterWork} around each unit of work,
 * on the thread that does it. By default nothing listens and the calls cost almost nothing. A test
 * installs a {@link Listener} to record which thread did the work, to hold workers at a rendezvous
 * until enough of them are working at once, or to check that a lock is not held.
 *
 * <p><b>Child processes.</b> A child JVM cannot see the listeners of the test JVM that started it.
 * Instead, a test that wants to watch child processes creates a <em>probe folder</em> named after
 * its own process id (see {@link #probeFolderFor(long)}). When a child JVM first does work, it
 * looks for such a folder among its ancestors and, if it finds one, writes a small file there for
 * every unit of work and, when asked to, waits in a rendezvous made of files. This works however
 * you build the child's command line, as long as the test JVM is an ancestor.
 *
 * <p>You never need to call this class from your solutions.
 */
public final class WorkProbe {

  /** Work function names passed to listeners. */
  public static final String COUNT_WORDS = "countWords";

  /** Receives every unit of work, on the thread that does it. */
  public interface Listener {
    /**
     * Called before a unit of work starts. May block (a rendezvous) or throw (a broken rule).
     *
     * @param work which work function, for example {@link WorkProbe#COUNT_WORDS}
     * @param input the function's input, for example the chunk
     */
    default void beforeWork(String work, Object input) {}

    /** Called after a unit of work ends, normally or not. */
    default void afterWork(String work, Object input) {}
  }

  /** Removes a listener when closed. */
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  private static final List<Listener> LISTENERS = new CopyOnWriteArrayList<>();

  private WorkProbe() {}

  /**
   * Installs {@code listener} until the returned registration is closed.
   *
   * @param listener the listener to add
   * @return a registration whose {@code close()} removes it
   */
  public static Registration install(Listener listener) {
    LISTENERS.add(listener);
    return () -> LISTENERS.remove(listener);
  }

  /**
   * Tells the listeners that a unit of work starts on the current thread.
   *
   * @param work which work function
   * @param input its input
   */
  public static void beforeWork(String work, Object input) {
    ChildSide.INSTANCE.ifPresent(child -> child.beforeWork(work, input));
    for (var listener : LISTENERS) {
      listener.beforeWork(work, input);
    }
  }

  /**
   * Tells the listeners that a unit of work ended on the current thread.
   *
   * @param work which work function
   * @param input its input
   */
  public static void afterWork(String work, Object input) {
    for (var listener : LISTENERS) {
      listener.afterWork(work, input);
    }
    ChildSide.INSTANCE.ifPresent(child -> child.afterWork(work, input));
  }

  /**
   * The probe folder that a test JVM with process id {@code pid} creates to watch its child
   * processes.
   *
   * @param pid the process id of the watching JVM
   * @return {@code <java.io.tmpdir>/course-probe-<pid>}
   */
  public static Path probeFolderFor(long pid) {
    return Path.of(System.getProperty("java.io.tmpdir"), "course-probe-" + pid);
  }

  /** The file names of a probe folder, shared by this class and the test side. */
  public static final class ProbeFiles {
    /** Holds the start instant of the watching JVM, so a stale folder is never mistaken. */
    public static final String OWNER = "owner";

    /** Holds "parties timeoutMillis": how many units of work must be under way at once. */
    public static final String RENDEZVOUS = "rendezvous";

    /** Created when the rendezvous was not met in time; holds what was seen. */
    public static final String BROKEN = "broken";

    /** One empty file per unit of work started, named {@code pid-sequence}. */
    public static final String ARRIVED = "arrived";

    /** One file per unit of work finished, named {@code pid-sequence}. */
    public static final String DONE = "done";

    /**
     * Created by a test to make one child fail: the first child to start a unit of work takes the
     * file (renames it to {@code fail-taken-<pid>}) and throws an exception whose message is {@link
     * #FAILURE}, so that it prints a stack trace on its standard error and exits with a non-zero
     * status, as a child that breaks would. When the file holds a word, only a child whose input
     * contains that word takes it; a held child (see {@link #HOLD}) takes it while it waits.
     */
    public static final String FAIL = "fail";

    /**
     * Created by a test to hold children at the start of their unit of work: a child whose input
     * contains the word the file holds (any child, when it holds none) waits there until {@link
     * #RELEASE} lets it go, a {@link #FAIL} file is meant for it, or the folder is gone.
     */
    public static final String HOLD = "hold";

    /**
     * Created by a test to hold children at their very end: a child whose unit of work's input
     * contains the word the file holds (any child, when it holds none) closes its standard output
     * and error once its work is done and it is about to exit, and stays alive until {@link
     * #RELEASE} lets it go. Its parent has read all it had to say, and the child has not ended yet.
     */
    public static final String HOLD_AT_EXIT = "hold-at-exit";

    /** One empty file per child held at its end (see {@link #HOLD_AT_EXIT}), named by its pid. */
    public static final String EXITING = "exiting";

    /**
     * Written by a test to let held children go on: one line per word, and a held child whose input
     * contains one of them goes on; a line {@code *} lets every child go.
     */
    public static final String RELEASE = "release";

    /** The message of the exception a child throws when it takes {@link #FAIL}. */
    public static final String FAILURE = "the course's test made this child fail";

    private ProbeFiles() {}
  }

  /** The child-process side: active only in a JVM that finds a probe folder of an ancestor. */
  private static final class ChildSide {
    static final Optional<ChildSide> INSTANCE = find();

    private final Path folder;
    private final long pid = ProcessHandle.current().pid();
    private final AtomicLong sequence = new AtomicLong();

    private ChildSide(Path folder) {
      this.folder = folder;
    }

    private static Optional<ChildSide> find() {
      try {
        var ancestor = ProcessHandle.current().parent();
        for (int depth = 0; depth < 6 && ancestor.isPresent(); depth++) {
          var handle = ancestor.get();
          var folder = probeFolderFor(handle.pid());
          var owner = folder.resolve(ProbeFiles.OWNER);
          if (Files.isRegularFile(owner)) {
            var started = handle.info().startInstant().map(Object::toString).orElse("?");
            if (Files.readString(owner).strip().equals(started)) {
              return Optional.of(new ChildSide(folder));
            }
          }
          ancestor = handle.parent();
        }
      } catch (IOException | RuntimeException e) {
        // A probe that cannot be read is no probe: the child just does its work.
      }
      return Optional.empty();
    }

    void beforeWork(String work, Object input) {
      String name = pid + "-" + sequence.incrementAndGet();
      try {
        Files.writeString(folder.resolve(ProbeFiles.ARRIVED).resolve(name), work);
        failIfAsked(input);
        holdIfAsked(input);
        var rendezvous = folder.resolve(ProbeFiles.RENDEZVOUS);
        if (Files.isRegularFile(rendezvous)) {
          var parts = Files.readString(rendezvous).strip().split(" ");
          await(Integer.parseInt(parts[0]), Duration.ofMillis(Long.parseLong(parts[1])));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("course probe: cannot write to " + folder, e);
      }
    }

    /** Throws {@link ProbeFiles#FAILURE} if this child is the one to take the fail file. */
    private void failIfAsked(Object input) throws IOException {
      var fail = folder.resolve(ProbeFiles.FAIL);
      if (!meantFor(fail, input)) {
        return;
      }
      try {
        Files.move(fail, folder.resolve(ProbeFiles.FAIL + "-taken-" + pid));
      } catch (java.nio.file.NoSuchFileException e) {
        return; // another child took it first
      }
      throw new IllegalStateException(ProbeFiles.FAILURE);
    }

    /** Whether {@code file} exists and names a word of {@code input}, or no word at all. */
    private static boolean meantFor(Path file, Object input) throws IOException {
      String word;
      try {
        word = Files.readString(file).strip();
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      }
      return word.isEmpty() || String.valueOf(input).contains(word);
    }

    /** Whether the release file names a word of {@code input}, or every child. */
    private boolean released(Object input) throws IOException {
      List<String> words;
      try {
        words = Files.readAllLines(folder.resolve(ProbeFiles.RELEASE));
      } catch (java.nio.file.NoSuchFileException e) {
        return false;
      }
      var chunk = String.valueOf(input);
      return words.stream()
          .map(String::strip)
          .anyMatch(word -> word.equals("*") || !word.isEmpty() && chunk.contains(word));
    }

    /**
     * Waits while the test holds this child (see {@link ProbeFiles#HOLD}); fails here if the test
     * makes it fail meanwhile. A minute at most: a child must never outlive its test for long.
     */
    private void holdIfAsked(Object input) throws IOException {
      if (!meantFor(folder.resolve(ProbeFiles.HOLD), input)) {
        return;
      }
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      while (Files.isDirectory(folder) && !released(input) && System.nanoTime() - deadline < 0) {
        failIfAsked(input);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    void afterWork(String work, Object input) {
      String name = pid + "-" + sequence.get();
      try {
        Files.writeString(folder.resolve(ProbeFiles.DONE).resolve(name), work);
        if (meantFor(folder.resolve(ProbeFiles.HOLD_AT_EXIT), input)
            && holdingAtExit.compareAndSet(false, true)) {
          Runtime.getRuntime().addShutdownHook(new Thread(() -> holdAtExit(input)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("course probe: cannot write to " + folder, e);
      }
    }

    private final java.util.concurrent.atomic.AtomicBoolean holdingAtExit =
        new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The last thing a held child does (see {@link ProbeFiles#HOLD_AT_EXIT}): it ends its output,
     * so a parent that reads it to the end gets it all, and stays alive until the test lets it go.
     * A minute at most.
     */
    private void holdAtExit(Object input) {
      System.out.flush();
      System.err.flush();
      System.out.close();
      System.err.close();
      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      try {
        Files.writeString(folder.resolve(ProbeFiles.EXITING).resolve(String.valueOf(pid)), "");
        while (Files.isDirectory(folder) && !released(input) && System.nanoTime() - deadline < 0) {
          Thread.sleep(5);
        }
      } catch (IOException | RuntimeException e) {
        // the folder is gone: the test is over
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Waits until {@code parties} units of work have started, or the time is up. */
    private void await(int parties, Duration timeout) throws IOException {
      long deadline = System.nanoTime() + timeout.toNanos();
      var broken = folder.resolve(ProbeFiles.BROKEN);
      while (true) {
        if (Files.exists(broken)) {
          return; // someone already timed out: don't make everyone wait again
        }
        long arrived;
        try (var files = Files.list(folder.resolve(ProbeFiles.ARRIVED))) {
          arrived = files.count();
        }
        if (arrived >= parties) {
          return;
        }
        if (System.nanoTime() - deadline > 0) {
          Files.writeString(broken, arrived + " " + parties);
          return;
        }
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
