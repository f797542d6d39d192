package course.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine that is not ready: a JDK 17 only, a JDK 17 in JAVA_HOME beside a newer one, no JDK, no
 * network on the very first run. Each gets a message that says what to do.
 */
class BadSetupTest {

  /** The JDK's tools, left out of {@link #everyToolButJava}. */
  private static final Set<String> JAVA_TOOLS =
      Set.of("java", "javac", "jar", "jshell", "keytool", "jcmd");

  @TempDir Path temp;

  @Test
  void a_java_home_with_jdk_17_and_no_other_jdk_gets_a_clear_message() throws Exception {
    try (var copy = ScratchCourse.create()) {
      var jdk17 = fakeJdk17();
      copy.verify(
              ScratchCourse.env(
                  "JAVA_HOME", jdk17.toString(),
                  "COURSE_JDK_DIRS", "",
                  "PATH", everyToolButJava().toString()))
          .assertStatus(2)
          .assertShows("JAVA_HOME (" + jdk17 + ") is JDK 17", "No JDK 21 or newer found");
    }
  }

  @Test
  void a_java_home_with_jdk_17_beside_a_jdk_21_or_newer_says_so_and_uses_the_newer_one()
      throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify(
              ScratchCourse.env(
                  "JAVA_HOME", fakeJdk17().toString(),
                  "PATH", everyToolButJava().toString()),
              "list")
          .assertStatus(0)
          .assertShows("is JDK 17, not a JDK 21+: using");
    }
  }

  @Test
  void no_jdk_at_all_says_what_to_install() throws Exception {
    try (var copy = ScratchCourse.create()) {
      copy.verify(
              ScratchCourse.env(
                  "JAVA_HOME", null, "COURSE_JDK_DIRS", "", "PATH", everyToolButJava().toString()))
          .assertStatus(2)
          .assertShows("No JDK 21 or newer found", "sudo apt install");
    }
  }

  @Test
  void no_network_on_the_very_first_run_says_the_first_run_needs_network_access() throws Exception {
    try (var copy = ScratchCourse.create()) {
      FileOperations.delete(copy.file(".course")); // never built, never asked Maven
      var emptyRepository = Files.createDirectories(temp.resolve("empty-repository"));
      copy.verify(ScratchCourse.env("MAVEN_ARGS", "-o -Dmaven.repo.local=" + emptyRepository))
          .assertStatus(2)
          .assertShows("needs network access");
    }
  }

  /** A JDK 17 as find-jdk.sh sees one: java and javac that say 17, and a release file. */
  private Path fakeJdk17() throws IOException {
    var jdk = temp.resolve("jdk-17");
    Files.createDirectories(jdk.resolve("bin"));
    for (var tool : new String[] {"java", "javac"}) {
      var file = jdk.resolve("bin").resolve(tool);
      Files.writeString(file, "#!/bin/sh\necho \"openjdk version \\\"17.0.2\\\"\"\n");
      file.toFile().setExecutable(true);
    }
    Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    return jdk;
  }

  /** A folder for PATH with every tool of /usr/bin and /bin but Java's. */
  private Path everyToolButJava() throws IOException {
    var bin = temp.resolve("bin");
    if (Files.isDirectory(bin)) {
      return bin;
    }
    Files.createDirectories(bin);
    for (var folder : new String[] {"/usr/bin", "/bin"}) {
      try (Stream<Path> tools = Files.list(Path.of(folder))) {
        for (var tool : tools.toList()) {
          var name = tool.getFileName().toString();
          var link = bin.resolve(name);
          if (!JAVA_TOOLS.contains(name) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, tool);
          }
        }
      }
    }
    return bin;
  }
}
