package course.spawning;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import course.support.Chunks;
import course.support.WorkProbe;
import course.support.testing.BadInput;
import course.support.testing.Deadline;
import course.support.testing.NoLeftovers;
import course.support.testing.SharedUpdates;
import course.support.testing.Threads;
import course.support.testing.WorkLog;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Counts the words of trees of test folders ({@link Drive}), which see every open: on which thread,
 * how many at once, and whether {@code count} was still waiting for them. Folders can hold the
 * worker that opens them until something the test wants has happened, so concurrency, waiting and
 * failures are shown by what happened, never by how long it took.
 */
@ExtendWith(NoLeftovers.class)
class FolderCountTest {

  /** How long a meeting of folders waits for the last one: a parallel walk gets there at once. */
  private static final long MEETING_MILLIS = 5_000;

  /** How long a held folder waits for its interrupt before it answers after all. */
  private static final long HOLD_MILLIS = 8_000;

  /** How long worker threads get to end after {@code count}, before they count as left behind. */
  private static final Duration GRACE = Duration.ofSeconds(3);

  /** What {@code count} did, and how many folders were still being opened when it ended. */
  private record Outcome(Long result, Throwable thrown, int insideAtEnd) {
    String ending() {
      return thrown == null ? "returned " + result : "threw " + thrown;
    }
  }

  // ---------------------------------------------------------------- at the same time

  @Test
  void opens_the_folders_of_one_listing_at_the_same_time() {
    for (int n : new int[] {3, 4}) {
      var drive = new Drive("top", "one file at the top");
      var meeting = new Meeting(3);
      for (var name : List.of("left", "middle", "right")) {
        drive.root().folder(name, "words in " + name).hook(meeting);
      }
      var outcome = count(drive, n, "Check that every task hands its subfolders to the pool.");
      failIfNotWritten(outcome);
      failIfOnCaller(drive, n);
      failIfThrew(outcome, drive, n);
      if (!meeting.met()) {
        throw new AssertionError(
            ("The root folder holds 3 subfolders, and count(root, %d) may open %d folders at once, "
                    + "but at most %d of the 3 were being opened at the same time: %s. The "
                    + "contract says folders found in the same listing do not wait for each "
                    + "other: hand each subfolder to a worker of its own as soon as the listing "
                    + "shows it, before you open or wait for any of them.")
                .formatted(n, n, meeting.most(), meeting.seen()));
      }
      checkAnswer(outcome, drive, n);
    }
  }

  @Test
  void a_folder_does_not_wait_for_the_folders_beside_it() {
    // top -> {early -> early.1, late}: `late` answers only once `early.1` is being opened.
    var drive = new Drive("top");
    var early = drive.root().folder("early", "two words");
    early.folder("early.1", "three more words");
    var seen = new AtomicBoolean();
    drive
        .root()
        .folder("late", "one")
        .hook(
            node -> {
              var ending = drive.await(() -> drive.opens("early.1") > 0, MEETING_MILLIS);
              seen.set(ending == Drive.Ending.CONDITION);
            });
    var outcome = count(drive, 2, "Check that a task does not wait for other tasks.");
    failIfNotWritten(outcome);
    failIfOnCaller(drive, 2);
    failIfThrew(outcome, drive, 2);
    if (!seen.get()) {
      throw new AssertionError(
          ("Folder 'early' was opened and listed subfolder 'early.1', and a worker was free "
                  + "(nThreads = 2), but 'early.1' was not opened while its neighbour 'late' was "
                  + "still being opened (the test kept 'late' busy for %d s, waiting for it). The "
                  + "contract says a folder is opened as soon as it is found: do not walk the "
                  + "tree level by level, waiting for a whole level before you start the next.")
              .formatted(MEETING_MILLIS / 1000));
    }
    checkAnswer(outcome, drive, 2);
  }

  @Test
  void never_opens_more_than_nThreads_folders_at_once_nor_on_the_calling_thread() {
    for (int n : new int[] {1, 2}) {
      // A wide tree; its folders wait at a gate until n + 1 are being opened at once, which only
      // a walk that breaks the bound can reach, or until the caller waits with n workers held.
      var drive = Drive.full(6, 2, 16);
      var gate = new Gate(drive, n + 1);
      drive.root().subfolders().forEach(f -> f.hook(gate));
      var outcome = count(drive, n, "Check that count ends once the last folder is counted.");
      failIfNotWritten(outcome);
      failIfThrew(outcome, drive, n);
      failIfOnCaller(drive, n);
      if (drive.mostInside() > n) {
        throw new AssertionError(
            ("count(root, %d) had %d folders being opened at the same time, by %d threads in "
                    + "all. The contract says never more than nThreads: use a pool of nThreads "
                    + "workers (or hold a permit around each open), not a thread per folder.")
                .formatted(n, drive.mostInside(), drive.openers().size()));
      }
      checkAnswer(outcome, drive, n);
    }
  }

  // ---------------------------------------------------------------- any tree

  @Test
  void finishes_a_chain_of_folders_much_deeper_than_the_pool_is_wide() {
    for (int n : new int[] {1, 2, 3}) {
      var drive = Drive.chain(8);
      // A hang is explained by diagnosed(...): workers that wait inside their own tasks.
      var outcome = count(drive, n, "Check that no task waits for another task inside the pool.");
      failIfNotWritten(outcome);
      failIfThrew(outcome, drive, n);
      checkAnswer(outcome, drive, n);
    }
  }

  @Test
  void counts_every_word_of_trees_with_empty_folders_and_odd_files() {
    var odd = new Drive("odd", "", " \t\n\u2003\u3000", "a\u00A0b c😀 d\u2028e");
    odd.root().folder("empty");
    odd.root().folder("blank", "   ", "\n").folder("empty below blank");
    odd.root().folder("one word", "word");
    var lonely = new Drive("lonely");
    var trees = List.of(odd, lonely, Drive.full(2, 4, 1), Drive.full(12, 1, 2), Drive.chain(30));
    for (int n : new int[] {1, 2, 5}) {
      for (var tree : trees) {
        var fresh = copyOf(tree);
        try (var log = WorkLog.start()) {
          var outcome = count(fresh, n, "Check that count ends once the last folder is counted.");
          failIfNotWritten(outcome);
          failIfThrew(outcome, fresh, n);
          failIfOnCaller(fresh, n);
          checkAnswer(outcome, fresh, n);
          int counted = log.calls(WorkProbe.COUNT_WORDS).size();
          if (counted != fresh.fileCount()) {
            throw new AssertionError(
                ("The tree of '%s' has %d files, but count(root, %d) called Chunks.countWords %d "
                        + "times. The contract says each file's words are counted with "
                        + "Chunks.countWords: call it once for each file's text.")
                    .formatted(fresh.root().name(), fresh.fileCount(), n, counted));
          }
        }
      }
    }
  }

  @Test
  void does_not_return_before_the_last_folder_has_been_opened() {
    // top -> {near, far -> far.1 -> far.2 -> far.3}: far.2 is held until count is seen waiting
    // with nothing else to do (or count has ended: then it returned too early).
    for (int n : new int[] {1, 3}) {
      var drive = new Drive("top", "words at the top");
      drive.root().folder("near", "near words");
      var far = drive.root().folder("far", "far words");
      var held = far.folder("far.1", "deeper words").folder("far.2", "deepest but one");
      held.folder("far.3", "the very last words");
      var endedWhileHeld = new AtomicBoolean();
      held.hook(
          node -> {
            var ending = drive.await(drive::callerWaitsQuietly, HOLD_MILLIS);
            endedWhileHeld.set(ending == Drive.Ending.CALL_ENDED);
          });
      var outcome = count(drive, n, "Check that count ends once the last folder is counted.");
      failIfNotWritten(outcome);
      failIfOnCaller(drive, n);
      if (endedWhileHeld.get() || outcome.insideAtEnd() > 0) {
        throw new AssertionError(
            ("count(root, %d) %s while folder 'far.2', two levels below the root's subfolder "
                    + "'far', was still being opened (the test held it there). The contract says "
                    + "count returns only once every folder has been opened and every file "
                    + "counted: waiting for the root's task, or for the tasks you know of when it "
                    + "ends, is not enough, because tasks start more tasks. Keep track of every "
                    + "task still to run or running, and wait until there are none.")
                .formatted(n, outcome.ending()));
      }
      failIfThrew(outcome, drive, n);
      checkAnswer(outcome, drive, n);
    }
  }

  @Test
  void does_not_return_before_the_last_file_has_been_counted() throws Exception {
    // top -> {near, far -> far.1 -> far.2}: the counting of far.2's file is held until count is
    // seen waiting (or has ended: then it returned before that folder's words were in the total).
    for (int n : new int[] {1, 3}) {
      var drive = new Drive("top", "words at the top");
      drive.root().folder("near", "near words");
      var deepest = "deepest words of all";
      drive
          .root()
          .folder("far", "far words")
          .folder("far.1", "deeper words")
          .folder("far.2", deepest);
      var endedWhileHeld = new AtomicBoolean();
      Outcome outcome;
      try (var hold =
          WorkProbe.install(
              new WorkProbe.Listener() {
                @Override
                public void beforeWork(String work, Object input) {
                  if (WorkProbe.COUNT_WORDS.equals(work) && deepest.equals(String.valueOf(input))) {
                    try {
                      var ending = drive.await(drive::callerWaitsQuietly, HOLD_MILLIS);
                      endedWhileHeld.set(ending == Drive.Ending.CALL_ENDED);
                    } catch (java.io.InterruptedIOException e) {
                      Thread.currentThread().interrupt();
                    }
                  }
                }
              })) {
        outcome = count(drive, n, "Check that count ends once the last file is counted.");
      }
      failIfNotWritten(outcome);
      failIfOnCaller(drive, n);
      if (endedWhileHeld.get()) {
        throw new AssertionError(
            ("count(root, %d) %s while the file of folder 'far.2', three levels down, was still "
                    + "being counted (the test held Chunks.countWords there). The contract says "
                    + "count returns only once every file has been counted: a task is finished "
                    + "only when its own files' words are in the total, not when it has handed "
                    + "out its subfolders.")
                .formatted(n, outcome.ending()));
      }
      failIfThrew(outcome, drive, n);
      long missing = drive.words() - outcome.result();
      if (missing == Chunks.countWords(deepest)) {
        throw new AssertionError(
            ("count(root, %d) returned %d, but the tree holds %d words: the %d words of folder "
                    + "'far.2''s file are missing, the file the test held at Chunks.countWords "
                    + "until count was waiting. Its task was seen as finished before its own "
                    + "files' words were in the total, and the total was read then. A task is "
                    + "finished only once its files are counted; read the total after that.")
                .formatted(n, outcome.result(), drive.words(), missing));
      }
      checkAnswer(outcome, drive, n);
    }
  }

  @Test
  void adds_up_the_counts_without_a_race() {
    // Read-then-write of a field or an array element, or a static field written: a lost update
    // waiting to happen. (A list the task made itself is its own, so collection calls are left
    // to the other tests.)
    failIfNotWritten(count(new Drive("top", "two words"), 1, "Check that count ends."));
    var races =
        SharedUpdates.find(FolderCount.class).stream()
            .filter(update -> !update.what().startsWith("calls "))
            .toList();
    if (!races.isEmpty()) {
      throw new AssertionError(
          ("FolderCount updates a value that several tasks share without a lock: %s. Two workers "
                  + "can read the same old value, and one addition is lost (a race too rare to "
                  + "show in a test run, so the course reads your code). Let each task add its "
                  + "files' words to a thread-safe total (a LongAdder, an AtomicLong), or return "
                  + "its sum to whoever waits for it.")
              .formatted(races.getFirst()));
    }
  }

  // ---------------------------------------------------------------- failure and interrupt

  @Test
  void a_folder_that_cannot_be_opened_deep_in_the_tree_makes_count_throw_its_IOException() {
    // top -> {a -> a.1 -> a.2 (fails), b -> b.1 (busy until a.2 has failed and count waits)}
    var drive = new Drive("top", "top words");
    var failure = new IOException("the test made folder 'a.2' unreadable");
    var failed = new CountDownLatch(1);
    drive
        .root()
        .folder("a", "a words")
        .folder("a.1", "more words")
        .folder("a.2", "never counted")
        .hook(
            node -> {
              failed.countDown();
              throw failure;
            });
    var endedWhileBusy = new AtomicBoolean();
    drive
        .root()
        .folder("b", "b words")
        .folder("b.1", "b.1 words")
        .hook(
            node -> {
              var ending = drive.await(() -> failed.getCount() == 0, HOLD_MILLIS);
              if (ending == Drive.Ending.CONDITION) {
                ending = drive.await(drive::callerWaitsQuietly, HOLD_MILLIS);
              }
              endedWhileBusy.set(ending == Drive.Ending.CALL_ENDED);
            });
    var outcome =
        count(
            drive,
            3,
            () ->
                failed.getCount() == 0
                    ? "Folder 'a.2' threw IOException when it was opened: check that a task whose "
                        + "open throws still counts as ended (a finally block), so that count "
                        + "does not wait for it for ever."
                    : "Check that count ends once the last folder is counted.");
    failIfNotWritten(outcome);
    failIfOnCaller(drive, 3);
    if (!hasInChain(outcome.thrown(), failure)) {
      throw new AssertionError(
          ("Opening folder 'a.2', three levels down, threw %s, but count(root, 3) %s. The "
                  + "contract says count then throws an IOException: that one, or one whose cause "
                  + "it is. A task on a pool keeps what it throws in its Future, or loses it if "
                  + "nobody looks: catch it in the task and bring it back to the caller.")
              .formatted(failure, outcome.ending()),
          outcome.thrown());
    }
    if (endedWhileBusy.get() || outcome.insideAtEnd() > 0) {
      throw new AssertionError(
          "count threw the IOException of folder 'a.2' while folder 'b.1' was still being opened "
              + "(the test kept it busy). The contract says count throws only once every task it "
              + "started has ended: after the first failure, still wait for the tasks under way "
              + "(they may skip folders not opened yet).");
    }
    failIfAlive(drive, outcome);
  }

  @Test
  void a_root_that_cannot_be_opened_makes_count_throw_its_IOException() {
    var drive = new Drive("top", "never counted");
    var failure = new IOException("the test made the root folder unreadable");
    drive.root().folder("below", "never counted either");
    drive
        .root()
        .hook(
            node -> {
              throw failure;
            });
    var outcome =
        count(
            drive,
            2,
            "The root's open threw IOException: check that a task whose open throws still counts "
                + "as ended (a finally block).");
    failIfNotWritten(outcome);
    if (!hasInChain(outcome.thrown(), failure)) {
      throw new AssertionError(
          ("Opening the root folder threw %s, but count(root, 2) %s. The contract says count then "
                  + "throws an IOException: that one, or one whose cause it is.")
              .formatted(failure, outcome.ending()),
          outcome.thrown());
    }
    failIfAlive(drive, outcome);
  }

  @Test
  void stops_its_workers_when_the_caller_is_interrupted() {
    // top -> {x -> x.1, y -> y.1}: x and y are held until their worker is interrupted.
    var drive = new Drive("top", "top words");
    var interrupted = ConcurrentHashMap.<String>newKeySet();
    var neverInterrupted = ConcurrentHashMap.<String>newKeySet();
    var held = new AtomicInteger();
    var momentCame = new AtomicBoolean();
    Drive.Hook hold =
        node -> {
          held.incrementAndGet();
          try {
            drive.await(() -> false, HOLD_MILLIS);
            neverInterrupted.add(node.name());
          } catch (InterruptedIOException e) {
            interrupted.add(node.name());
            throw e;
          } finally {
            held.decrementAndGet();
          }
        };
    drive.root().folder("x", "x words").hook(hold).folder("x.1", "x.1 words");
    drive.root().folder("y", "y words").hook(hold).folder("y.1", "y.1 words");
    var interrupter =
        Thread.ofPlatform()
            .daemon()
            .name("junit-course-interrupter")
            .start(
                () -> {
                  long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MEETING_MILLIS);
                  while (System.nanoTime() - end < 0 && !drive.hasCallEnded()) {
                    var caller = drive.caller();
                    if (caller != null && held.get() == 2 && Drive.waiting(caller)) {
                      momentCame.set(true);
                      break;
                    }
                    sleep(2);
                  }
                  var caller = drive.caller();
                  if (caller != null && !drive.hasCallEnded()) {
                    caller.interrupt();
                  }
                });
    Outcome outcome;
    try {
      outcome =
          count(
              Duration.ofSeconds(30),
              drive,
              2,
              "The calling thread was interrupted: check that count then stops its workers "
                  + "(shutdownNow, cancel(true), interrupt) and that every wait can end.");
    } finally {
      join(interrupter);
    }
    failIfNotWritten(outcome);
    failIfOnCaller(drive, 2);
    if (!momentCame.get()) {
      throw new AssertionError(
          ("Expected folders 'x' and 'y', found in the same listing, to be opened at the same time "
                  + "(nThreads = 2), but at most one was, so the test could not interrupt the "
                  + "caller while both were being opened; it interrupted it after %d s anyway, and "
                  + "count %s. Hand each subfolder to a worker as soon as the listing shows it.")
              .formatted(MEETING_MILLIS / 1000, outcome.ending()));
    }
    if (!neverInterrupted.isEmpty()) {
      throw new AssertionError(
          ("The calling thread was interrupted while folders 'x' and 'y' were being opened, but "
                  + "the worker%s opening %s %s never interrupted, and count %s only once they "
                  + "had answered. The contract says count stops its workers: interrupt them "
                  + "(shutdownNow, Future.cancel(true)); close() and shutdown() wait for them "
                  + "instead.")
              .formatted(
                  neverInterrupted.size() == 1 ? "" : "s",
                  neverInterrupted.stream().sorted().collect(Collectors.joining(" and ")),
                  neverInterrupted.size() == 1 ? "was" : "were",
                  outcome.ending()));
    }
    if (!(outcome.thrown() instanceof InterruptedException)) {
      throw new AssertionError(
          ("The calling thread was interrupted while count waited for its workers, but count %s. "
                  + "The contract says it throws InterruptedException: let the one from your wait "
                  + "reach the caller, after the workers have ended.")
              .formatted(outcome.ending()),
          outcome.thrown());
    }
    if (outcome.insideAtEnd() > 0) {
      throw new AssertionError(
          "count threw InterruptedException while a worker was still inside a folder's open. The "
              + "contract says it waits until every worker has ended: after shutdownNow, wait for "
              + "the pool to terminate (awaitTermination) before you throw.");
    }
    failIfAlive(drive, outcome);
  }

  // ---------------------------------------------------------------- bad input

  @Test
  @BadInput
  void rejects_a_null_root_and_fewer_than_one_thread() {
    var outcome = countNull(2);
    failIfNotWritten(outcome);
    assertInstanceOf(
        NullPointerException.class,
        outcome.thrown(),
        "count(null, 2) must throw NullPointerException, but it " + outcome.ending() + ".");
    for (int n : new int[] {0, -1}) {
      var some = new Drive("top", "some words");
      outcome = count(some, n, "Check the arguments first.");
      assertInstanceOf(
          IllegalArgumentException.class,
          outcome.thrown(),
          "count(root, %d) must throw IllegalArgumentException (at least one worker is needed), but it %s."
              .formatted(n, outcome.ending()));
      if (some.opens("top") > 0) {
        throw new AssertionError(
            "count(root, %d) opened the root before it rejected nThreads: check the arguments first."
                .formatted(n));
      }
    }
  }

  // ---------------------------------------------------------------- shared checks

  private static Outcome count(Drive drive, int n, String hint) {
    return count(drive, n, () -> hint);
  }

  /** Calls count on a Deadline thread; the hint is made when the time is up. */
  private static Outcome count(Drive drive, int n, Supplier<String> hint) {
    return Deadline.call(call(drive, n), what(drive, n), () -> diagnosed(drive, n, hint.get()));
  }

  private static Outcome count(Duration limit, Drive drive, int n, String hint) {
    return Deadline.call(limit, call(drive, n), what(drive, n), hint);
  }

  /**
   * The hint of a count that hangs: when no folder is being opened, some were never opened, and
   * workers wait inside the learner's own code, the pool is starved by its own tasks.
   */
  private static String diagnosed(Drive drive, int n, String hint) {
    var never = drive.neverOpened();
    if (drive.inside() > 0 || never.isEmpty()) {
      return hint;
    }
    var waitingInTasks = new ArrayList<String>();
    for (var worker : drive.openers()) {
      if (worker.isAlive() && Drive.waiting(worker)) {
        for (var frame : worker.getStackTrace()) {
          if (frame.getClassName().startsWith("course.spawning.FolderCount")) {
            waitingInTasks.add(
                "'%s' at %s:%d"
                    .formatted(worker.getName(), frame.getFileName(), frame.getLineNumber()));
            break;
          }
        }
      }
    }
    if (waitingInTasks.isEmpty()) {
      return hint;
    }
    return ("A thread-starvation deadlock: %d worker%s %s waiting inside your tasks (%s), no "
            + "folder is being opened, and %d of the tree's %d folders were never opened. A task "
            + "that waits for its subfolders' results inside the pool keeps its worker busy doing "
            + "nothing; once all %d workers wait, no one is left to open the next folder, which a "
            + "tree deeper than the pool is wide always reaches. Don't block a worker on a "
            + "subtask's result (Future.get, join of a task on a plain pool): let each task hand "
            + "its subfolders on and end, and wait for the whole tree in one place, outside the "
            + "pool.")
        .formatted(
            waitingInTasks.size(),
            waitingInTasks.size() == 1 ? "" : "s",
            waitingInTasks.size() == 1 ? "is" : "are",
            String.join(", ", waitingInTasks),
            never.size(),
            drive.size(),
            n);
  }

  private static String what(Drive drive, int n) {
    return "FolderCount.count(%s, %d)".formatted(drive.root().name(), n);
  }

  private static ThrowingSupplier<Outcome> call(Drive drive, int n) {
    return () -> {
      drive.callerIs(Thread.currentThread());
      try {
        long words = FolderCount.count(drive.root(), n);
        return new Outcome(words, null, drive.inside());
      } catch (Exception e) {
        return new Outcome(null, e, drive.inside());
      } finally {
        drive.callEnded();
      }
    };
  }

  /** count(null, n). */
  private static Outcome countNull(int n) {
    return Deadline.call(
        () -> {
          try {
            return new Outcome(FolderCount.count(null, n), null, 0);
          } catch (Exception e) {
            return new Outcome(null, e, 0);
          }
        },
        "FolderCount.count(null, %d)".formatted(n),
        "Check the arguments first.");
  }

  private static void failIfNotWritten(Outcome outcome) {
    if (outcome.thrown() instanceof UnsupportedOperationException todo) {
      throw new AssertionError(
          "FolderCount.count is not written yet: it threw " + todo + ".", todo);
    }
  }

  private static void failIfThrew(Outcome outcome, Drive drive, int n) {
    if (outcome.thrown() != null) {
      throw new AssertionError(
          "count(%s, %d) threw %s, though every folder of the tree could be opened."
              .formatted(drive.root().name(), n, outcome.thrown()),
          outcome.thrown());
    }
  }

  private static void failIfOnCaller(Drive drive, int n) {
    var onCaller = drive.openedOnCaller();
    if (!onCaller.isEmpty()) {
      throw new AssertionError(
          ("count(root, %d) opened %d folder%s on its calling thread (first: '%s'). The contract "
                  + "says every folder is opened on a worker thread, never on the calling thread: "
                  + "the caller hands out the root and waits.")
              .formatted(n, onCaller.size(), onCaller.size() == 1 ? "" : "s", onCaller.getFirst()));
    }
  }

  /** The answer, each folder opened once, and no worker thread left. */
  private static void checkAnswer(Outcome outcome, Drive drive, int n) {
    var never = drive.neverOpened();
    if (!never.isEmpty()) {
      throw new AssertionError(
          ("count(%s, %d) %s, but %d of the tree's %d folders were never opened (first: '%s'). "
                  + "Every task can find more folders: a pool shut down while tasks may still "
                  + "submit rejects their subfolders (RejectedExecutionException), and a count "
                  + "that waits only for the tasks it knows of misses the later ones.")
              .formatted(
                  drive.root().name(),
                  n,
                  outcome.ending(),
                  never.size(),
                  drive.size(),
                  never.getFirst()));
    }
    var twice = drive.openedTwice();
    if (!twice.isEmpty()) {
      throw new AssertionError(
          "count(%s, %d) opened some folders more than once: %s. The contract says each folder is opened once: open it in one task and use its listing for both the files and the subfolders."
              .formatted(drive.root().name(), n, String.join(", ", twice)));
    }
    if (outcome.result() != drive.words()) {
      throw new AssertionError(
          ("count(%s, %d) returned %d, but the files of the tree hold %d words. Check that every "
                  + "file's Chunks.countWords is added exactly once, into a total that two "
                  + "workers can add to at the same time.")
              .formatted(drive.root().name(), n, outcome.result(), drive.words()));
    }
    if (outcome.insideAtEnd() > 0) {
      throw new AssertionError(
          "count(%s, %d) returned while a folder was still being opened: the contract says it returns only once every folder has been opened."
              .formatted(drive.root().name(), n));
    }
    failIfAlive(drive, outcome);
  }

  private static void failIfAlive(Drive drive, Outcome outcome) {
    var alive = Threads.stillAliveAfter(drive.openers(), GRACE);
    if (!alive.isEmpty()) {
      throw new AssertionError(
          ("%d worker thread%s (%s) %s still alive %d s after count %s. The contract says every "
                  + "worker thread has ended when count returns or throws: shut the pool down and "
                  + "wait for it to terminate, in a finally block, on every path.")
              .formatted(
                  alive.size(),
                  alive.size() == 1 ? "" : "s",
                  alive.stream().map(Thread::getName).collect(Collectors.joining(", ")),
                  alive.size() == 1 ? "was" : "were",
                  GRACE.toSeconds(),
                  outcome.ending()));
    }
  }

  private static boolean hasInChain(Throwable thrown, Throwable wanted) {
    for (var t = thrown; t != null; t = t.getCause()) {
      if (t == wanted) {
        return true;
      }
    }
    return false;
  }

  /** A fresh drive with the same tree, so that each count sees only its own opens. */
  private static Drive copyOf(Drive tree) {
    var copy = new Drive(tree.root().name(), tree.root().listed().files().toArray(String[]::new));
    copyInto(tree.root(), copy.root());
    return copy;
  }

  private static void copyInto(Drive.Node from, Drive.Node to) {
    for (var sub : from.subfolders()) {
      var node = sub;
      var child = to.folder(node.name(), node.listed().files().toArray(String[]::new));
      copyInto(node, child);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------- hooks

  /** Folders that wait for each other: they can only all pass if {@code parties} open at once. */
  private static final class Meeting implements Drive.Hook {
    private final int parties;
    private final CountDownLatch arrivals;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicBoolean missed = new AtomicBoolean();

    Meeting(int parties) {
      this.parties = parties;
      this.arrivals = new CountDownLatch(parties);
    }

    @Override
    public void during(Drive.Node node) throws InterruptedIOException {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        arrivals.countDown();
        if (!missed.get() && !arrivals.await(MEETING_MILLIS, TimeUnit.MILLISECONDS)) {
          missed.set(true);
        }
      } catch (InterruptedException e) {
        throw new InterruptedIOException("interrupted while the drive was answering");
      } finally {
        inside.decrementAndGet();
      }
    }

    boolean met() {
      return !missed.get() && arrivals.getCount() == 0;
    }

    int most() {
      return most.get();
    }

    String seen() {
      return most.get() <= 1
          ? "each one was opened alone, and waited %d s for the others"
              .formatted(MEETING_MILLIS / 1000)
          : "they waited %d s for the others, who never came".formatted(MEETING_MILLIS / 1000);
    }
  }

  /**
   * Holds every folder it is given until {@code breach} folders are being opened at once (only a
   * walk that breaks the bound gets there), or until the caller is seen waiting with every worker
   * held; then it lets everyone through.
   */
  private static final class Gate implements Drive.Hook {
    private final Drive drive;
    private final int breach;
    private final CountDownLatch open = new CountDownLatch(1);
    private final Set<Thread> held = ConcurrentHashMap.newKeySet();

    Gate(Drive drive, int breach) {
      this.drive = drive;
      this.breach = breach;
    }

    @Override
    public void during(Drive.Node node) throws InterruptedIOException {
      if (open.getCount() == 0) {
        return;
      }
      held.add(Thread.currentThread());
      try {
        drive.await(
            () -> open.getCount() == 0 || drive.inside() >= breach || drive.callerWaitsQuietly(),
            MEETING_MILLIS);
      } finally {
        held.remove(Thread.currentThread());
        open.countDown();
      }
    }
  }
}
