package course.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** SHA-256 fingerprints of files and folders: a changed byte gives another fingerprint. */
public final class Fingerprint {

  private Fingerprint() {}

  /**
   * The SHA-256 of one file's bytes, in hex, as {@code sha256sum} prints it, with Windows line ends
   * read as Unix ones: a checkout that turned "\n" into "\r\n" changed nothing.
   */
  public static String ofFile(Path file) {
    try {
      return ofBytes(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The SHA-256 of {@code bytes}, "\r\n" read as "\n", in hex. */
  public static String ofBytes(byte[] bytes) {
    var unix = new java.io.ByteArrayOutputStream(bytes.length);
    for (int i = 0; i < bytes.length; i++) {
      if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
        unix.write(bytes[i]);
      }
    }
    return HexFormat.of().formatHex(digest().digest(unix.toByteArray()));
  }

  /**
   * One fingerprint for every regular file under {@code paths} (folders are walked; missing paths
   * count as empty), covering each file's path relative to {@code root} and its bytes.
   */
  public static String ofTrees(Path root, List<Path> paths) {
    var digest = digest();
    for (var file : filesUnder(paths)) {
      digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(ofFile(file).getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Every regular file under {@code paths}, sorted, skipping build output (target/ folders). */
  public static List<Path> filesUnder(List<Path> paths) {
    return paths.stream()
        .filter(Files::exists)
        .flatMap(path -> walk(path).filter(file -> !inTarget(path.relativize(file))))
        .filter(Files::isRegularFile)
        .sorted()
        .toList();
  }

  private static boolean inTarget(Path relative) {
    for (var part : relative) {
      if (part.toString().equals("target")) {
        return true;
      }
    }
    return false;
  }

  private static Stream<Path> walk(Path path) {
    try (var files = Files.walk(path)) {
      return files.toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
