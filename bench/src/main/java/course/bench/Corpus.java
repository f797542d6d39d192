package course.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * The text the benchmark counts: generated, never committed, the same on every machine.
 *
 * <p>{@code java.util.Random} with a fixed seed gives the same sequence on every JDK (its algorithm
 * is part of its specification), so a corpus of a given size is the same file everywhere. It is
 * made on first use and kept, named after its size and the generator's version.
 *
 * <p>The text looks like prose: mostly short common English words, some longer ones, a few
 * non-ASCII words (accents, Greek, Cyrillic, CJK, and characters outside the BMP, which Java stores
 * as surrogate pairs), punctuation, lines of 6 to 15 words, blank lines between paragraphs, now and
 * then two spaces or a tab.
 */
final class Corpus {

  /** Bump when the generator changes, so that old files are not reused. */
  private static final int VERSION = 1;

  private static final long SEED = 20_26_11_25L;

  /** One megabyte, as the table counts it: 10^6 bytes of UTF-8. */
  static final int MB = 1_000_000;

  private static final String[] COMMON = {
    "the", "of", "and", "to", "a", "in", "is", "it", "that", "was", "for", "on", "are", "with",
    "as", "be", "at", "by", "this", "had", "from", "or", "one", "but", "not", "what", "all", "were",
    "we", "when", "your", "can", "said", "there", "an", "each", "which", "she", "do", "how",
    "their", "if", "will", "up", "other", "about", "out", "many", "then", "them", "so", "some",
    "her", "would", "make", "like", "him", "into", "time", "has", "look", "two", "more", "go",
    "see", "no", "way", "could", "my", "than", "first", "been", "who", "its", "now", "long", "down",
    "day", "did", "get", "come", "made", "may", "part", "over", "new", "work", "word", "count",
    "text", "line", "page", "book", "read", "write", "fast", "slow", "run",
  };

  private static final String[] LONGER = {
    "thread",
    "process",
    "memory",
    "counter",
    "parallel",
    "sequential",
    "interpreter",
    "synchronization",
    "concurrency",
    "throughput",
    "benchmark",
    "executor",
    "scheduler",
    "monitor",
    "volatile",
    "atomically",
    "visibility",
    "deadlock",
    "starvation",
    "contention",
    "implementation",
    "responsibility",
    "characteristics",
    "measurement",
    "processor",
    "workstealing",
    "immutable",
    "publication",
    "interruption",
    "cancellation",
    "pipeline",
    "bottleneck",
    "overhead",
    "partition",
    "aggregation",
    "independent",
    "coordination",
  };

  private static final String[] UNICODE = {
    "café", "naïve", "Straße", "façade", "Ärger", "smörgåsbord", "résumé", "niño", "Zürich",
    "λόγος", "Ελληνικά", "слово", "русский", "日本語", "中文", "한국어", "😀", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  };

  private Corpus() {}

  /** The corpus of {@code sizeMb} megabytes in {@code folder}, generated if it is not there. */
  static Path ensure(Path folder, int sizeMb) {
    var file = folder.resolve("corpus-v%d-%dMB.txt".formatted(VERSION, sizeMb));
    long bytes = (long) sizeMb * MB;
    try {
      if (Files.isRegularFile(file) && Files.size(file) == bytes) {
        return file;
      }
      Files.createDirectories(folder);
      var partial = Files.createTempFile(folder, "corpus-", ".part");
      Files.write(partial, generate(bytes));
      Files.move(
          partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the corpus " + file, e);
    }
  }

  /** Reads a corpus file as the benchmark counts it: one String. */
  static String load(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the corpus " + file, e);
    }
  }

  /** Exactly {@code bytes} bytes of UTF-8 prose, ending in a newline. */
  static byte[] generate(long bytes) {
    if (bytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("corpus too large: " + bytes);
    }
    var random = new Random(SEED);
    var out = new byte[(int) bytes];
    int at = 0;
    int wordsLeftInLine = lineLength(random);
    boolean sentenceStart = true;
    while (true) {
      var word = pickWord(random);
      if (sentenceStart) {
        word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      }
      sentenceStart = false;
      int punctuation = random.nextInt(100);
      if (punctuation < 6) {
        word += ".";
        sentenceStart = true;
      } else if (punctuation < 12) {
        word += ",";
      }
      String separator;
      if (--wordsLeftInLine == 0) {
        separator = random.nextInt(8) == 0 ? "\n\n" : "\n";
        wordsLeftInLine = lineLength(random);
      } else {
        int odd = random.nextInt(100);
        separator = odd == 0 ? "\t" : odd == 1 ? "  " : " ";
      }
      var piece = (word + separator).getBytes(StandardCharsets.UTF_8);
      if (at + piece.length >= out.length) {
        break;
      }
      System.arraycopy(piece, 0, out, at, piece.length);
      at += piece.length;
    }
    // Pad to the exact size with spaces; the last byte is a newline.
    for (; at < out.length - 1; at++) {
      out[at] = ' ';
    }
    out[out.length - 1] = '\n';
    return out;
  }

  private static int lineLength(Random random) {
    return 6 + random.nextInt(10);
  }

  /** Mostly common words (the most common most often), some longer ones, a few non-ASCII. */
  private static String pickWord(Random random) {
    int kind = random.nextInt(100);
    if (kind < 78) {
      double r = random.nextDouble();
      return COMMON[(int) (r * r * COMMON.length)];
    }
    if (kind < 97) {
      return LONGER[random.nextInt(LONGER.length)];
    }
    return UNICODE[random.nextInt(UNICODE.length)];
  }
}
