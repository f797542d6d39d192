package course.support.testing;

import course.support.WorkProbe;
import course.support.WorkProbe.ProbeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Watches the work done in child JVMs that this JVM starts, directly or not.
 *
 * <p>It creates this JVM's probe folder (see {@link WorkProbe}); each child JVM that does work
 * finds it and leaves one file per unit of work, named after its process id. With a rendezvous,
 * each child waits at the start of its work until {@code parties} units have started in any
 * children, which only children that run at the same time can achieve.
 *
 * <pre>{@code
 * try (var children = ChildProcesses.watch(2)) {
 *   WordCount.count(text, 2);
 *   children.assertRendezvousMet("Start every child before you wait for any of them.");
 * }
 * }</pre>
 */
public final class ChildProcesses implements AutoCloseable {

  /** A child JVM can take a second or more to start on a loaded machine: be generous. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

  private final Path folder;
  private final int parties;
  private final Duration timeout;

  private ChildProcesses(int parties, Duration timeout) {
    this.parties = parties;
    this.timeout = timeout;
    var self = ProcessHandle.current();
    this.folder = WorkProbe.probeFolderFor(self.pid());
    try {
      deleteQuietly(folder);
      Files.createDirectories(folder.resolve(ProbeFiles.ARRIVED));
      Files.createDirectories(folder.resolve(ProbeFiles.DONE));
      if (parties > 0) {
        Files.writeString(
            folder.resolve(ProbeFiles.RENDEZVOUS), parties + " " + timeout.toMillis());
      }
      // Written last: children only look at a folder whose owner file is there.
      Files.writeString(
          folder.resolve(ProbeFiles.OWNER),
          self.info().startInstant().map(Object::toString).orElse("?"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the probe folder " + folder, e);
    }
  }

  /** Watches child work without a rendezvous. */
  public static ChildProcesses watch() {
    return new ChildProcesses(0, DEFAULT_TIMEOUT);
  }

  /** Watches child work; the first {@code parties} units must run at the same time. */
  public static ChildProcesses watch(int parties) {
    return new ChildProcesses(parties, DEFAULT_TIMEOUT);
  }

  /** The process ids of the children that started a unit of work, in ascending order. */
  public Set<Long> workerPids() {
    var pids = new TreeSet<Long>();
    for (var name : names(ProbeFiles.ARRIVED)) {
      pids.add(Long.parseLong(name.substring(0, name.indexOf('-'))));
    }
    return pids;
  }

  /** How many units of work children started. */
  /**
   * Makes the first child that starts a unit of work fail: it throws, prints {@link
   * ProbeFiles#FAILURE} in a stack trace on its standard error, and exits with status 1.
   */
  public void failOneChild() {
    try {
      Files.writeString(folder.resolve(ProbeFiles.FAIL), "one child");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the probe folder " + folder, e);
    }
  }

  /** The process id of the child that took {@link #failOneChild}'s file, or -1 if none has. */
  public long failedChild() {
    try (var files = Files.list(folder)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.startsWith(ProbeFiles.FAIL + "-taken-"))
          .mapToLong(name -> Long.parseLong(name.substring((ProbeFiles.FAIL + "-taken-").length())))
          .findFirst()
          .orElse(-1);
    } catch (IOException e) {
      return -1;
    }
  }

  public int unitsStarted() {
    return names(ProbeFiles.ARRIVED).size();
  }

  /** How many units of work children finished. */
  public int unitsFinished() {
    return names(ProbeFiles.DONE).size();
  }

  /** Watches child work with a rendezvous of {@code parties} and a time-out of your choice. */
  public static ChildProcesses watch(int parties, Duration timeout) {
    return new ChildProcesses(parties, timeout);
  }

  /** Whether {@code parties} units of child work were under way at the same time. */
  public boolean rendezvousMet() {
    return parties > 0
        && unitsStarted() >= parties
        && !Files.exists(folder.resolve(ProbeFiles.BROKEN));
  }

  /**
   * Fails unless the rendezvous was met.
   *
   * @param hint what the learner should check, in one sentence
   */
  public void assertRendezvousMet(String hint) {
    if (!rendezvousMet()) {
      String seen =
          unitsStarted() == 0
              ? "no child process counted anything"
              : "they ran one after the other: the first child waited %d s for another one that never came"
                  .formatted(timeout.toSeconds());
      throw new AssertionError(
          "Expected %d child processes to count at the same time, but %s. %s"
              .formatted(parties, seen, hint));
    }
  }

  private List<String> names(String subfolder) {
    try (Stream<Path> files = Files.list(folder.resolve(subfolder))) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    deleteQuietly(folder);
  }

  private static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // best effort: the next watch() starts by deleting again
    }
  }
}
