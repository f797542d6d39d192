package course.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./verify.sh watch}: checks again every time a file is saved, in the same warm JVM, so the
 * verdict comes back in a fraction of a second. Keys: Enter or {@code r} to check again, {@code h}
 * for the hint, {@code l} for the list, {@code q} to quit ({@code h} and {@code l} pressed while a
 * check runs are answered under its verdict). When an exercise passes, it shows the next one and
 * waits for Enter before moving on.
 */
public final class Watch {

  /** Something the watch loop reacts to. */
  private sealed interface Event {
    record FileChanged() implements Event {}

    record Key(String text) implements Event {}

    record NoMoreInput() implements Event {}

    record CheckDone() implements Event {}
  }

  /** Saves come in bursts (an editor may write a file twice): wait this long for the rest. */
  private static final long SETTLE_MILLIS = 40;

  private final Course course;
  private final Session session;
  private final Ansi ansi;
  private final Printer printer;
  private final PrintStream out;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private boolean keysWork = true;

  /** Keys pressed during a check that ask for something to read: done once its verdict shows. */
  private final List<String> afterVerdict = new java.util.ArrayList<>();

  public Watch(Course course, boolean recheck, Ansi ansi, PrintStream out) {
    this.course = course;
    this.session = new Session(course, recheck, ansi);
    this.ansi = ansi;
    this.printer = new Printer(ansi);
    this.out = out;
  }

  /** Runs until the learner types {@code q} (or presses Ctrl-C). */
  public int run(InputStream in) throws InterruptedException {
    TestJvm.keepWarm(true); // a test JVM replaced after a hang is warm again for the next save
    readKeys(in);
    var watcher =
        new FileWatcher(
            List.of(course.root().resolve("exercises"), course.supportSources()),
            () -> events.add(new Event.FileChanged()));
    watcher.start();
    session.onCheck(
        exercise -> {
          out.print(ansi.clearScreen());
          out.println(ansi.dim("⟳ Checking " + exercise.name() + "…"));
        });
    Exercise shown = null;
    while (true) {
      // Taken before the check: a save during the check or while its verdict prints counts.
      var before = watcher.snapshot();
      var pass = checkWhileWatching(watcher, before);
      if (pass == null) {
        return 0; // q during the check
      }
      if (!watcher.snapshot().equals(before)) {
        continue; // saved during the check: that verdict is about code no longer on disk
      }
      out.print(ansi.clearScreen());
      var stopped = pass.finished() ? null : pass.stop().exercise();
      // The exercise on screen passes now (or passed before with this very code).
      var movedOn = shown != null && !shown.equals(stopped) && shown.compareTo(stopped) < 0;
      var previous = shown;
      shown = stopped;
      if (movedOn && !passedNow(pass, previous)) {
        out.println(printer.lines(new Verdict.Passed(previous, null)).getFirst());
      }
      if (movedOn && stopped != null) {
        session.printPassedNow(pass, out);
        if (!askToMoveOn(stopped, watcher)) {
          return 0;
        }
        continue; // check again: the learner may have saved while the question was open
      }
      session.print(pass, out);
      for (var key : afterVerdict) {
        out.println();
        keyCommand(key);
      }
      afterVerdict.clear();
      out.println(
          ansi.dim(
              keysWork
                  ? "Watching your files. Keys: Enter or r check again · h hint · l list · q quit"
                  : "Watching your files (Ctrl-C to stop)."));
      if (!waitForNextRound(watcher, before)) {
        return 0;
      }
    }
  }

  /**
   * One pass, on a thread of its own, while this one watches: a save during it stops the tests
   * (their JVM ends) and starts the pass again on the new code. Null when the learner quits.
   */
  private Session.Pass checkWhileWatching(FileWatcher watcher, String before)
      throws InterruptedException {
    var result = new java.util.concurrent.CompletableFuture<Session.Pass>();
    var check =
        Thread.ofPlatform()
            .name("course-check")
            .daemon()
            .start(
                () -> {
                  try {
                    result.complete(session.pass());
                  } catch (Throwable t) {
                    result.completeExceptionally(t);
                  }
                });
    result.whenComplete((pass, error) -> events.add(new Event.CheckDone()));
    while (true) {
      var event = events.take();
      switch (event) {
        case Event.CheckDone done -> {
          if (result.isDone()) {
            check.join();
            try {
              return result.join();
            } catch (java.util.concurrent.CompletionException e) {
              if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
              }
              throw e;
            }
          }
        }
        case Event.FileChanged changed -> {
          settle();
          if (!watcher.snapshot().equals(before)) {
            TestJvm.shared().abort(); // the tests in progress are about old code
          }
        }
        case Event.Key key when key.text().equals("q") -> {
          TestJvm.shared().abort();
          return null;
        }
        case Event.NoMoreInput none -> keysWork = false;
        case Event.Key key when key.text().equals("h") || key.text().equals("l") ->
            afterVerdict.add(key.text()); // shown under the verdict, not wiped out by it
        case Event.Key key -> {} // Enter or r: a check of this very code is running already
      }
    }
  }

  private static boolean passedNow(Session.Pass pass, Exercise exercise) {
    return pass.passedNow().stream().anyMatch(v -> v.exercise().equals(exercise));
  }

  /** Shows the next step and waits for Enter; false when the learner quits. */
  private boolean askToMoveOn(Exercise next, FileWatcher watcher) throws InterruptedException {
    out.println();
    out.println(
        ansi.bold("Next: " + next.name())
            + ". Read "
            + next.relative(next.chapter())
            + ", then edit "
            + String.join(", ", Printer.filesToEdit(next))
            + ".");
    if (!keysWork) {
      return true;
    }
    out.println(ansi.dim("Press Enter to move on to " + next.name() + " (q to quit)."));
    var before = watcher.snapshot();
    while (true) {
      var event = events.take();
      if (event instanceof Event.Key key) {
        return !key.text().equals("q");
      }
      if (event instanceof Event.NoMoreInput) {
        return true;
      }
      if (event instanceof Event.FileChanged) {
        settle();
        if (!watcher.snapshot().equals(before)) {
          return true; // saved again (the stub back, say): check that code, do not move on
        }
      }
    }
  }

  /** Waits for a save or a key; false when the learner quits. */
  private boolean waitForNextRound(FileWatcher watcher, String before) throws InterruptedException {
    if (!watcher.snapshot().equals(before)) {
      return true; // saved while the check ran
    }
    while (true) {
      var event = events.take();
      switch (event) {
        case Event.Key key when key.text().equals("q") -> {
          return false;
        }
        case Event.Key key when key.text().equals("h") || key.text().equals("l") ->
            keyCommand(key.text());
        case Event.Key key -> {
          return true;
        }
        case Event.NoMoreInput none -> keysWork = false;
        case Event.CheckDone done -> {}
        case Event.FileChanged changed -> {
          settle();
          if (!watcher.snapshot().equals(before)) {
            return true;
          }
        }
      }
    }
  }

  /** {@code h}: the next tier of the hint; {@code l}: the list of exercises. */
  private void keyCommand(String key) {
    var commands = new Commands(course, ansi, out);
    if (key.equals("h")) {
      commands.hint(null);
    } else {
      commands.list();
    }
  }

  /** Lets a burst of file events pass, then forgets them: one round per save. */
  private void settle() throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
    events.removeIf(event -> event instanceof Event.FileChanged);
  }

  /**
   * Reads keys one at a time. On a terminal verify.sh turns off line editing, so a key acts at
   * once; elsewhere keys arrive with their Enter, which is then not a key of its own.
   */
  private void readKeys(InputStream in) {
    Thread.ofPlatform()
        .daemon()
        .name("course-keys")
        .start(
            () -> {
              try (var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                int previous = '\n';
                int c;
                while ((c = reader.read()) != -1) {
                  if (c == '\r' || c == '\n') {
                    if (previous == '\n') {
                      events.add(new Event.Key(""));
                    }
                    c = '\n';
                  } else if (!Character.isWhitespace(c)) {
                    events.add(new Event.Key(String.valueOf((char) Character.toLowerCase(c))));
                  }
                  previous = c;
                }
              } catch (IOException e) {
                // Treated as the end of input below.
              }
              events.add(new Event.NoMoreInput());
            });
  }
}
