package course.runner;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What every command but {@code help} needs before it starts: every exercise folder that {@code
 * pom.xml} lists, and Maven's answer to "which libraries does each exercise test with?" ({@code
 * .course/classpath/<exercise>.txt}, see {@link Classpaths}). Maven is asked once, and again only
 * when a {@code pom.xml} changes or a library it named is gone (a cleaned {@code ~/.m2}).
 */
public final class Setup {

  private final Course course;
  private final Ansi ansi;
  private final PrintStream out;

  public Setup(Course course, Ansi ansi, PrintStream out) {
    this.course = course;
    this.ansi = ansi;
    this.out = out;
  }

  /** 0 when the course is ready, else 2 after saying what to fix. */
  public int prepare() {
    var missing = missingModules();
    if (!missing.isEmpty()) {
      var folders = String.join(" ", missing);
      out.println(
          ansi.red("✗ ")
              + "An exercise's folder is missing: "
              + folders
              + " (deleted or moved?). Get it back as the course ships it with\n"
              + "    git checkout HEAD -- "
              + folders
              + "\n  (or copy it back from a fresh download of the course). Your other exercises"
              + " are untouched.");
      return 2;
    }
    return classpaths();
  }

  /** The exercise folders that {@code pom.xml} lists as modules but that are not there. */
  List<String> missingModules() {
    var module = Pattern.compile("<module>(exercises/\\d\\d_[^<]*)</module>");
    var matcher = module.matcher(FileOperations.readOrEmpty(course.root().resolve("pom.xml")));
    var missing = new ArrayList<String>();
    while (matcher.find()) {
      var folder = matcher.group(1);
      if (!Files.isRegularFile(course.root().resolve(folder).resolve("pom.xml"))
          && !missing.contains(folder)) {
        missing.add(folder);
      }
    }
    return missing.stream().sorted().toList();
  }

  private int classpaths() {
    var folder = course.state().resolve("classpath");
    var stamp = pomsFingerprint();
    var exercises = course.exercises();
    boolean upToDate =
        stamp.equals(FileOperations.readOrEmpty(folder.resolve("poms.sha256")).strip())
            && exercises.stream()
                .allMatch(exercise -> librariesPresent(folder.resolve(exercise.name() + ".txt")));
    if (upToDate) {
      return 0;
    }
    out.println(
        ansi.dim("Asking Maven for the exercises' libraries (again only when a pom.xml changes)…"));
    var maven = new Maven(course);
    var log = maven.log("maven-classpath");
    if (!maven.run(
        log,
        "process-classes",
        "-Dmaven.main.skip=true",
        "dependency:build-classpath",
        "-Dmdep.includeScope=test",
        "-Dmdep.outputFile=target/course-classpath.txt")) {
      return maven.failSetup(out, ansi, log);
    }
    FileOperations.delete(folder);
    for (var exercise : exercises) {
      var answer = exercise.dir().resolve("target/course-classpath.txt");
      if (!Files.isRegularFile(answer)) {
        out.println(
            ansi.red("✗ ")
                + "Maven gave no classpath for exercises/"
                + exercise.name()
                + ": is it listed in pom.xml? Details: "
                + course.root().relativize(log));
        return 2;
      }
      FileOperations.write(
          folder.resolve(exercise.name() + ".txt"), FileOperations.readOrEmpty(answer));
    }
    FileOperations.write(folder.resolve("poms.sha256"), stamp + "\n");
    return 0;
  }

  /** Whether the file exists and every library it names is still there. */
  private static boolean librariesPresent(Path classpathFile) {
    if (!Files.isRegularFile(classpathFile)) {
      return false;
    }
    for (var entry : FileOperations.readOrEmpty(classpathFile).strip().split(File.pathSeparator)) {
      if (!entry.isBlank() && !entry.endsWith("target/classes") && !Files.exists(Path.of(entry))) {
        return false;
      }
    }
    return true;
  }

  /** The SHA-256 of every pom.xml that decides the exercises' libraries. */
  private String pomsFingerprint() {
    var root = course.root();
    var poms = new ArrayList<>(List.of(root.resolve("pom.xml"), root.resolve("support/pom.xml")));
    poms.add(root.resolve("exercises/pom.xml"));
    course.exercises().forEach(exercise -> poms.add(exercise.dir().resolve("pom.xml")));
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (var pom : poms) {
        digest.update(root.relativize(pom).toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(pom)) {
          digest.update(Files.readAllBytes(pom));
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
