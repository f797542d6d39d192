package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A committed list of the course's original files and their SHA-256, in {@code sha256sum}'s format
 * ({@code <hash> <path>}), so {@code sha256sum -c} can check it too (on a checkout with Unix line
 * ends: the runner reads Windows ones as Unix ones).
 *
 * <p>Two manifests live in {@code exercises/}: {@code tests.sha256} (every test file: a learner who
 * edits one is told so) and {@code stubs.sha256} (every file a learner starts from: what {@code
 * reset} restores, and how {@code list} tells "not started" from "started"). {@code ./verify.sh
 * manifest} rewrites both; the self-check fails when they are out of date.
 */
public record Manifest(Path file, Map<String, String> hashes) {

  /** One difference between the files on disk and the manifest. */
  public record Change(String path, Kind kind) {}

  /** How a file differs from its original. */
  public enum Kind {
    EDITED,
    MISSING,
    ADDED
  }

  /** The tests' manifest of {@code course}. */
  public static Manifest tests(Course course) {
    return read(course.root().resolve("exercises/tests.sha256"));
  }

  /** The stubs' manifest of {@code course}. */
  public static Manifest stubs(Course course) {
    return read(course.root().resolve("exercises/stubs.sha256"));
  }

  /** Reads a manifest; a missing file reads as empty. */
  public static Manifest read(Path file) {
    var hashes = new LinkedHashMap<String, String>();
    if (Files.exists(file)) {
      try {
        for (var line : Files.readAllLines(file)) {
          if (line.length() > 66 && !line.startsWith("#")) {
            hashes.put(line.substring(66).strip(), line.substring(0, 64));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Manifest(file, hashes);
  }

  /** The manifest of the files under {@code folders}, as they are on disk now. */
  public static Manifest of(Path file, Path root, List<Path> folders) {
    var hashes = new LinkedHashMap<String, String>();
    for (var path : Fingerprint.filesUnder(folders)) {
      hashes.put(root.relativize(path).toString().replace('\\', '/'), Fingerprint.ofFile(path));
    }
    return new Manifest(file, hashes);
  }

  /** The manifest's text, one file a line. */
  public String text() {
    var text = new StringBuilder();
    hashes.forEach((path, hash) -> text.append(hash).append("  ").append(path).append('\n'));
    return text.toString();
  }

  /** Writes the manifest to its file. */
  public void write() {
    try {
      Files.writeString(file, text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The paths this manifest lists under {@code prefix} (e.g. {@code exercises/03_threads/}). */
  public List<String> pathsUnder(String prefix) {
    return hashes.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
  }

  /**
   * How the files under {@code folder} differ from this manifest: edited, missing, or added (on
   * disk but not listed).
   */
  public List<Change> changes(Path root, Path folder) {
    var prefix = root.relativize(folder).toString().replace('\\', '/') + "/";
    var changes = new ArrayList<Change>();
    var onDisk = of(file, root, List.of(folder)).hashes();
    for (var path : pathsUnder(prefix)) {
      var actual = onDisk.get(path);
      if (actual == null) {
        changes.add(new Change(path, Kind.MISSING));
      } else if (!actual.equals(hashes.get(path))) {
        changes.add(new Change(path, Kind.EDITED));
      }
    }
    for (var path : onDisk.keySet()) {
      if (!hashes.containsKey(path)) {
        changes.add(new Change(path, Kind.ADDED));
      }
    }
    return changes;
  }
}
