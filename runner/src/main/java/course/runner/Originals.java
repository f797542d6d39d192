package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The course's original version of a file, found in git's history: the newest committed version
 * whose SHA-256 is the one in the manifest. A learner who commits their own work still gets the
 * course's stub back, not their last commit.
 */
final class Originals {

  private final Path root;

  Originals(Path root) {
    this.root = root;
  }

  /** Whether git can answer here: git is installed and the course is a git clone. */
  boolean available() {
    try {
      return git(List.of("rev-parse", "--is-inside-work-tree")).isPresent();
    } catch (UncheckedIOException e) {
      return false;
    }
  }

  /** The original bytes of {@code path} (relative to the root), whose SHA-256 is {@code sha256}. */
  Optional<byte[]> find(String path, String sha256) {
    var commits = git(List.of("rev-list", "HEAD", "--", path)).map(String::new).orElse("");
    for (var commit : commits.lines().toList()) {
      var bytes = git(List.of("show", commit + ":" + path));
      if (bytes.isPresent() && Fingerprint.ofBytes(bytes.get()).equals(sha256)) {
        return bytes;
      }
    }
    return Optional.empty();
  }

  private Optional<byte[]> git(List<String> arguments) {
    var command = new java.util.ArrayList<String>(List.of("git", "-C", root.toString()));
    command.addAll(arguments);
    try {
      var process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      var output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
