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
  private final List<String> released = new java.util.ArrayList<>();

  private ChildProcesses(int parties, Duration timeout) {
    this.parties = parties;
    this.timeout = timeout;
    var self = ProcessHandle.current();
    this.folder = WorkProbe.probeFolderFor(self.pid());
    try {
      deleteQuietly(folder);
      Files.createDirectories(folder.resolve(ProbeFiles.ARRIVED));
      Files.createDirectories(folder.resolve(ProbeFiles.DONE));
      Files.createDirectories(folder.resolve(ProbeFiles.EXITING));
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

  /**
   * Holds every child at its very end, once it has done its work: it closes its standard output and
   * error, so that a parent reading them gets all of it, and stays alive until {@link
   * #releaseHeldChildren}. A parent that waits for it to exit ({@code waitFor()}) waits until then.
   */
  public void holdChildrenAtExit() {
    write(ProbeFiles.HOLD_AT_EXIT, "");
  }

  /** How many children are held at their end ({@link #holdChildrenAtExit}). */
  public int heldAtExit() {
    return names(ProbeFiles.EXITING).size();
  }

  /** Lets the held children go on with their work; later children are not held either. */
  public void releaseHeldChildren() {
    release("*");
  }

  /**
   * Lets the held child whose chunk contains {@code word} go on, and any later one like it.
   *
   * @param word a word of the chunk
   */
  public void releaseChildWhoseChunkContains(String word) {
    release(word);
  }

  private synchronized void release(String word) {
    released.add(word);
    write(ProbeFiles.RELEASE, String.join("\n", released) + "\n");
  }

  /** Writes {@code file} whole, in one step: a child never reads half of it. */
  private void write(String file, String content) {
    try {
      var draft = Files.writeString(folder.resolve(file + ".draft"), content);
      Files.move(
          draft,
          folder.resolve(file),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
            ("%s %s while child process%s %s %s still alive: the test made child process %d fail while "
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
      if (run.startedNone()) {
        throw new AssertionError(
            "%s started no child process (it %s), so this test could not see it end its children when one fails. Start one child JVM per chunk first; the other tests say how."
                .formatted(call, run.ended()));
      }
    }
  }

  /**
   * Fails unless {@code type.method(text, nProcesses)} has ended every child it started by the time
   * it returns. Each child of a fresh, instrumented copy of the learner's classes is held at its
   * very end ({@link #holdChildrenAtExit}): its count sent and its output closed, but the process
   * not ended yet, until the call waits for it; kills are carried out only then, as in {@link
   * #assertEndsEveryChildWhenOneFails}. A call that returns once it has read the counts, without
   * waiting for its children to exit, returns while they live.
   *
   * @param type the learner's class
   * @param method its public static method, taking a text and a number of processes
   * @param text the text
   * @param nProcesses the number of processes
   * @param call the call, as the learner would write it, for the message
   * @param fix what the contract says and where the chapter explains it, for the message
   */
  public static void assertEndsEveryChildBeforeItReturns(
      Class<?> type, String method, String text, int nProcesses, String call, String fix) {
    var copy = ForcedInterleaving.load(type);
    var outlived =
        Deadline.call(
            java.time.Duration.ofSeconds(60),
            () -> outlivedAtTheEnd(copy.staticCall(type, method, text, nProcesses), call),
            call + " with each child held at its end",
            fix);
    if (!outlived.isEmpty()) {
      throw new AssertionError(
          ("%s returned while child process%s %s %s still alive: the test held each child at its "
                  + "very end, its count sent and its output closed but the process not ended "
                  + "yet (a moment, in a normal run), and the call returned without waiting for "
                  + "it to end. No child may outlive the call, says the Javadoc. %s")
              .formatted(
                  call,
                  outlived.size() == 1 ? "" : "es",
                  outlived,
                  outlived.size() == 1 ? "was" : "were",
                  fix));
    }
  }

  /** The children started since {@code before} was taken, still alive. */
  private static List<Long> newChildren(List<Long> before) {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .filter(pid -> !before.contains(pid))
        .toList();
  }

  /** Whether some children were started since {@code before}, and each one is held at its end. */
  private boolean everyChildHeldAtExit(List<Long> before) {
    var held = names(ProbeFiles.EXITING);
    var started = newChildren(before);
    return !started.isEmpty()
        && started.stream().allMatch(pid -> held.contains(String.valueOf(pid)));
  }

  private static List<Long> outlivedAtTheEnd(Callable<?> call, String shown) throws Exception {
    var before = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
    try (var children = watch();
        var kills = ForcedInterleaving.deferKills()) {
      children.holdChildrenAtExit();
      var task = outcomeOf(call);
      var caller = Thread.ofPlatform().name("count-caller").daemon().unstarted(task);
      caller.start();
      // Until the call ends, or waits while every child it started is held at its end.
      long until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
      while (!task.isDone()
          && !(children.everyChildHeldAtExit(before) && ForcedInterleaving.stuck(caller, true))
          && System.nanoTime() - until < 0) {
        Thread.sleep(5);
      }
      var outlived = task.isDone() ? newChildren(before) : List.<Long>of();
      // A call that started no child has nothing to wait for: it has not shown that it waits.
      boolean noChild = task.isDone() && children.workerPids().isEmpty();
      kills.release();
      children.releaseHeldChildren();
      try {
        task.get(Deadline.DEFAULT.toSeconds(), TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        // the test that counts says so
      }
      if (noChild) {
        var outcome = task.get();
        throw new AssertionError(
            "%s started no child process (it %s), so this test could not see it wait for its children to end. Start one child JVM per chunk first; the other tests say how."
                .formatted(shown, outcome.startsWith("threw") ? outcome : "returned " + outcome));
      }
      return outlived;
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
   * @param startedNone whether the call ended without starting a child process
   */
  private record FailedRun(
      boolean decided,
      List<ProcessHandle> outlived,
      Set<Long> askedToKill,
      long failed,
      String ended,
      boolean startedNone) {}

  private static FailedRun failWhileTheOthersWork(Callable<?> call, String word) throws Exception {
    var before = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
    try (var children = watch();
        var kills = ForcedInterleaving.deferKills()) {
      children.holdChildren();
      var task = outcomeOf(call);
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
        until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!task.isDone()
            && (children.failedChild() < 0 || alive(children.failedChild()))
            && System.nanoTime() - until < 0) {
          Thread.sleep(5);
        }
        // 3. Until the call ends, or waits again.
        until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
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
        result = result.startsWith("threw ") ? result : "returned " + result;
      } catch (TimeoutException e) {
        result = "did not return";
      }
      return new FailedRun(
          decided,
          outlived,
          asked,
          children.failedChild(),
          result,
          ended && children.workerPids().isEmpty());
    }
  }

  /**
   * What {@link #overlapAtEveryWait} saw in one run.
   *
   * @param first what the first call gave: its result ("600"), or "threw ..."
   * @param seconds what the second call gave, once for each point where it overlapped the first
   */
  public record Overlaps(String first, List<String> seconds) {}

  /**
   * Runs {@code second} in full at each point where {@code first} waits for one of its children:
   * the first call's children (those whose chunk contains {@code heldWord}) are held at their work,
   * and each time the first call waits, the second one runs, then one of the first call's children
   * (the one whose chunk holds the next word of {@code chunkWords}) is let go. A call that keeps
   * its state where another call can reach it (a static field) hands one of the two the other's
   * children or total. When the first call reads its children in another order (a release did not
   * make it go on), the run is repeated with the words in the reverse order.
   *
   * @param first the call whose children are held; its chunks hold {@code heldWord}
   * @param heldWord a word of each of the first call's chunks, and of none of the second's
   * @param chunkWords a word of each of the first call's chunks, one per chunk, in chunk order
   * @param second the call that overtakes the first
   * @return every run's results
   * @throws InterruptedException if interrupted while waiting
   */
  public static List<Overlaps> overlapAtEveryWait(
      Callable<?> first, String heldWord, List<String> chunkWords, Callable<?> second)
      throws InterruptedException {
    var runs = new java.util.ArrayList<Overlaps>();
    var order = new java.util.ArrayList<>(chunkWords);
    for (int attempt = 0; attempt < 2; attempt++) {
      var seconds = new java.util.ArrayList<String>();
      boolean inOrder = overlapOnce(first, heldWord, order, second, seconds, runs);
      if (inOrder) {
        break;
      }
      java.util.Collections.reverse(order);
    }
    return runs;
  }

  /** One run of {@link #overlapAtEveryWait}; whether each release let the first call go on. */
  private static boolean overlapOnce(
      Callable<?> first,
      String heldWord,
      List<String> order,
      Callable<?> second,
      List<String> seconds,
      List<Overlaps> runs)
      throws InterruptedException {
    boolean inOrder = true;
    try (var children = watch()) {
      children.holdChildrenWhoseChunkContains(heldWord);
      var task = outcomeOf(first);
      var caller = Thread.ofPlatform().name("first-caller").daemon().unstarted(task);
      caller.start();
      children.awaitUnitsStarted(order.size(), caller);
      for (var word : order) {
        if (!awaitWaiting(task, caller)) {
          break;
        }
        seconds.add(within(second));
        var done = children.names(ProbeFiles.DONE);
        long cpu = ForcedInterleaving.cpuTime(caller);
        children.releaseChildWhoseChunkContains(word);
        // Until the child let go has counted and ended: then the first call has gone on if it was
        // waiting for that child.
        long until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
        while (!task.isDone() && System.nanoTime() - until < 0) {
          var finished = new java.util.ArrayList<>(children.names(ProbeFiles.DONE));
          finished.removeAll(done);
          if (!finished.isEmpty() && finished.stream().noneMatch(name -> alive(pidOf(name)))) {
            break;
          }
          Thread.sleep(5);
        }
        // Did the first call go on? Then its thread has used CPU time since. One that waits for
        // another child uses none, however long the test looks.
        boolean wentOn = task.isDone();
        long quietUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (!wentOn && System.nanoTime() - quietUntil < 0) {
          Thread.sleep(5);
          wentOn = task.isDone() || ForcedInterleaving.cpuTime(caller) != cpu;
        }
        if (!wentOn) {
          inOrder = false; // it waits for another child: this order shows nothing more
          break;
        }
      }
      children.releaseHeldChildren();
      String result;
      try {
        result = task.get(Deadline.DEFAULT.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        result = "did not return within " + Deadline.DEFAULT.toSeconds() + " s";
      }
      runs.add(new Overlaps(result, List.copyOf(seconds)));
    }
    return inOrder;
  }

  /** Waits until {@code caller} waits (true) or {@code task} is done (false), a while at most. */
  private static boolean awaitWaiting(FutureTask<?> task, Thread caller)
      throws InterruptedException {
    long until = System.nanoTime() + DEFAULT_TIMEOUT.toNanos();
    while (!task.isDone() && System.nanoTime() - until < 0) {
      if (ForcedInterleaving.stuck(caller, true)) {
        return true;
      }
      Thread.sleep(5);
    }
    return !task.isDone();
  }

  private static FutureTask<String> outcomeOf(Callable<?> call) {
    return new FutureTask<>(
        () -> {
          try {
            return String.valueOf(call.call());
          } catch (Exception e) {
            return "threw " + ForcedInterleaving.briefly(e);
          }
        });
  }

  /** What {@code call} gives, run on a thread of its own for {@link Deadline#DEFAULT} at most. */
  private static String within(Callable<?> call) throws InterruptedException {
    var task = outcomeOf(call);
    Thread.ofPlatform().name("second-caller").daemon().start(task);
    try {
      return task.get(Deadline.DEFAULT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
      return "did not return within " + Deadline.DEFAULT.toSeconds() + " s";
    }
  }

  private static long pidOf(String unit) {
    return Long.parseLong(unit.substring(0, unit.indexOf('-')));
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
