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
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * Makes the first child that starts a unit of work fail: it throws, prints {@link
   * ProbeFiles#FAILURE} in a stack trace on its standard error, and exits with status 1.
   */
  public void failOneChild() {
    write(ProbeFiles.FAIL, "");
  }

  /**
   * Makes the child whose chunk contains {@code word} fail as {@link #failOneChild} does: at once
   * if it is held (see {@link #holdChildren}), or as soon as it starts its unit of work.
   *
   * @param word a word of exactly one child's chunk
   */
  public void failChildWhoseChunkContains(String word) {
    write(ProbeFiles.FAIL, word);
  }

  /**
   * Holds every child at the start of its unit of work, until {@link #releaseHeldChildren} or the
   * end of this watch: a child that is still at work, for as long as the test likes.
   */
  public void holdChildren() {
    write(ProbeFiles.HOLD, "");
  }

  /**
   * Holds, as {@link #holdChildren} does, only the children whose chunk contains {@code word}.
   *
   * @param word a word of the chunks to hold
   */
  public void holdChildrenWhoseChunkContains(String word) {
    write(ProbeFiles.HOLD, word);
  }

  /** Lets the held children go on with their work; later children are not held either. */
  public void releaseHeldChildren() {
    write(ProbeFiles.RELEASE, "");
  }

  private void write(String file, String content) {
    try {
      Files.writeString(folder.resolve(file), content);
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

  /**
   * Waits until {@code units} units of work have started in children, or until {@code caller} has
   * ended or waits for one of them (a held child, say), for the watch's time-out at most.
   *
   * @param units how many units of work to wait for
   * @param caller the thread that calls the learner's code
   * @return whether that many units started
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean awaitUnitsStarted(int units, Thread caller) throws InterruptedException {
    long until = System.nanoTime() + timeout.toNanos();
    while (unitsStarted() < units && caller.isAlive() && System.nanoTime() - until < 0) {
      if (unitsStarted() > 0 && ForcedInterleaving.stuck(caller, true)) {
        break;
      }
      Thread.sleep(5);
    }
    return unitsStarted() >= units;
  }

  /** How many units of work children started. */
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

  /**
   * Fails unless {@code type.method(text, nProcesses)}, when one of its children fails, has ended
   * every other child by the time it throws (or returns). The children of a fresh, instrumented
   * copy of the learner's classes ({@link ForcedInterleaving}) are held at their work; once the
   * call waits for one, the test makes the child whose chunk holds a word of {@code words} fail,
   * the others still at work. A request to kill a child ({@code destroyForcibly()}) is carried out
   * only once the call waits for something: a killed process takes a moment to die, and here that
   * moment lasts as long as the test likes. So a call that throws at once leaves the others
   * running, and one that kills them without waiting for them to end returns while they live.
   *
   * <p>The words are tried in turn, one run each, until a run shows what the call does: a call that
   * reads its children in another order than the first word's may wait for a held child before it
   * sees the failure; the run then proves nothing, and the next word's child fails instead.
   *
   * @param type the learner's class
   * @param method its public static method, taking a text and a number of processes
   * @param text the text: each word of {@code words} in the chunk of exactly one child
   * @param nProcesses the number of processes
   * @param words a word of the first chunk, then of the last
   * @param call the call, as the learner would write it, for the message
   * @param fix what the contract says and where the chapter explains it, for the message
   */
  public static void assertEndsEveryChildWhenOneFails(
      Class<?> type,
      String method,
      String text,
      int nProcesses,
      List<String> words,
      String call,
      String fix) {
    var copy = ForcedInterleaving.load(type);
    for (var word : words) {
      var run =
          Deadline.call(
              java.time.Duration.ofSeconds(60),
              () -> failWhileTheOthersWork(copy.staticCall(type, method, text, nProcesses), word),
              call + " with one child failing while the others are still at work",
              fix);
      if (!run.outlived().isEmpty()) {
        var pids = run.outlived().stream().map(ProcessHandle::pid).toList();
        boolean asked = run.askedToKill().containsAll(pids);
        throw new AssertionError(
            ("%s %s while child process%s %s %s still alive: the test made child %d fail while "
                    + "the others were still at work, and %s. No child may outlive the call, "
                    + "says the Javadoc, whether it returns or throws. %s")
                .formatted(
                    call,
                    run.ended(),
                    pids.size() == 1 ? "" : "es",
                    pids,
                    pids.size() == 1 ? "was" : "were",
                    run.failed(),
                    asked
                        ? "your code asked to kill the others (destroy or destroyForcibly) but did "
                            + "not wait for them to end: a killed process takes a moment to die"
                        : "your code left the others running",
                    fix));
      }
      if (run.decided()) {
        return;
      }
    }
  }

  /**
   * One run of {@link #assertEndsEveryChildWhenOneFails}.
   *
   * @param decided whether the run showed what the call does when a child fails
   * @param outlived the children alive when the call ended, before the test let any of them go
   * @param askedToKill the children the call asked to kill
   * @param failed the process id of the child made to fail, or -1
   * @param ended what the call did: "returned 42", or "threw ..."
   */
  private record FailedRun(
      boolean decided,
      List<ProcessHandle> outlived,
      Set<Long> askedToKill,
      long failed,
      String ended) {}

  private static FailedRun failWhileTheOthersWork(Callable<?> call, String word) throws Exception {
    var before = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
    try (var children = watch();
        var kills = ForcedInterleaving.deferKills()) {
      children.holdChildren();
      var task =
          new FutureTask<String>(
              () -> {
                try {
                  return "returned " + call.call();
                } catch (Exception e) {
                  return "threw " + ForcedInterleaving.briefly(e);
                }
              });
      var caller = Thread.ofPlatform().name("count-caller").daemon().unstarted(task);
      caller.start();
      long until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
      // 1. Until the call waits, with a child at work (held).
      while (!task.isDone()
          && !(children.unitsStarted() > 0 && ForcedInterleaving.stuck(caller, true))
          && System.nanoTime() - until < 0) {
        Thread.sleep(5);
      }
      if (!task.isDone()) {
        // 2. One child fails; wait until it has died.
        children.failChildWhoseChunkContains(word);
        while (!task.isDone()
            && (children.failedChild() < 0 || alive(children.failedChild()))
            && System.nanoTime() - until < 0) {
          Thread.sleep(5);
        }
        // 3. Until the call ends, or waits again.
        while (!task.isDone()
            && children.failedChild() >= 0
            && !ForcedInterleaving.stuck(caller, true)
            && System.nanoTime() - until < 0) {
          Thread.sleep(5);
        }
      }
      boolean ended = task.isDone();
      var outlived =
          ended && children.failedChild() >= 0
              ? ProcessHandle.current()
                  .descendants()
                  .filter(ProcessHandle::isAlive)
                  .filter(child -> !before.contains(child.pid()))
                  .toList()
              : List.<ProcessHandle>of();
      var asked = kills.asked();
      // Waiting again after asking to kill the others: the call waits for them to end.
      boolean decided = children.failedChild() >= 0 && (ended || !asked.isEmpty());
      kills.release();
      children.releaseHeldChildren();
      String result;
      try {
        result = task.get(Deadline.DEFAULT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        result = "did not return";
      }
      return new FailedRun(decided, outlived, asked, children.failedChild(), result);
    }
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
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
    if (Files.isDirectory(folder)) {
      releaseHeldChildren();
    }
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
