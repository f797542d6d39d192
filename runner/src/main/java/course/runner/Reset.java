package course.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts exercises back as the course ships them, after saving the learner's files aside in {@code
 * .course/saved/<time>/}: nothing is ever lost.
 *
 * <p>What "original" means comes from the manifests ({@code exercises/stubs.sha256} and {@code
 * exercises/tests.sha256}); the bytes come from git's history. Files the learner added are saved
 * and then removed.
 */
public final class Reset {

  private final Course course;
  private final Progress progress;
  private final Ansi ansi;
  private final PrintStream out;
  private final Path saved;

  public Reset(Course course, Progress progress, Ansi ansi, PrintStream out) {
    this.course = course;
    this.progress = progress;
    this.ansi = ansi;
    this.out = out;
    var time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss"));
    this.saved = course.state().resolve("saved").resolve(time);
  }

  /**
   * Resets {@code exercises}: their tests only, or their code and tests.
   *
   * @return false if something could not be restored (the reason is printed)
   */
  public boolean reset(List<Exercise> exercises, boolean testsOnly) {
    var originals = new Originals(course.root());
    if (!originals.available()) {
      out.println(
          ansi.red("✗ ")
              + "reset needs git: the course's original files come from its "
              + "git history, and this folder is not a git clone (or git is not installed).");
      out.println("  Clone the course with git, or copy the files back from a fresh download.");
      return false;
    }
    boolean ok = true;
    for (var exercise : exercises) {
      ok &= reset(exercise, testsOnly, originals);
    }
    // Once, after every exercise: where the learner's files went, and how to get them back.
    if (Files.exists(saved)) {
      var where = course.root().relativize(saved).toString().replace('\\', '/');
      out.println("  Your previous files are saved in " + where + "/");
      out.println(
          "  To get them back: cp -r "
              + where
              + "/exercises/. exercises/   (or copy single files from there)");
    }
    return ok;
  }

  private boolean reset(Exercise exercise, boolean testsOnly, Originals originals) {
    var tests = Manifest.tests(course);
    var stubs = Manifest.stubs(course);
    var changes = new ArrayList<>(tests.changes(course.root(), exercise.dir().resolve("src/test")));
    if (!testsOnly) {
      changes.addAll(stubs.changes(course.root(), exercise.dir().resolve("src/main")));
    }
    var what = testsOnly ? "its tests" : "its files";
    if (changes.isEmpty()) {
      out.println(
          ansi.green("✓ ") + exercise.name() + ": " + what + " are already the original ones.");
      return true;
    }
    for (var change : changes) {
      if (change.kind() != Manifest.Kind.MISSING) {
        saveAside(change.path());
      }
    }
    boolean ok = true;
    for (var change : changes) {
      var file = course.root().resolve(change.path());
      if (change.kind() == Manifest.Kind.ADDED) {
        delete(file);
        continue;
      }
      var sha256 = tests.hashes().getOrDefault(change.path(), stubs.hashes().get(change.path()));
      var original = originals.find(change.path(), sha256);
      if (original.isEmpty()) {
        out.println(
            ansi.red("✗ ")
                + "Could not find the original of "
                + change.path()
                + " in git's history.");
        ok = false;
        continue;
      }
      write(file, original.get());
    }
    progress.forget(exercise);
    out.println(
        ansi.green("✓ ")
            + exercise.name()
            + ": "
            + what
            + " are back to the course's "
            + "original ("
            + Printer.plural(changes.size(), "file")
            + ").");
    return ok;
  }

  private void saveAside(String path) {
    var target = saved.resolve(path);
    try {
      Files.createDirectories(target.getParent());
      Files.copy(course.root().resolve(path), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
