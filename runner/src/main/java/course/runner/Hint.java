package course.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An exercise's hint, in tiers: {@code HINT.md} holds them under the headings {@code ## 1. A
 * nudge}, {@code ## 2. The concept and the API} and {@code ## 3. The shape, in words}. Each {@code
 * ./verify.sh hint} shows the next tier, so a learner who only needed a nudge never reads the shape
 * of the answer. A file without such headings is one tier.
 *
 * @param tiers each tier's title and text, in order
 */
public record Hint(List<Tier> tiers) {

  /** One tier: its title ("A nudge") and its text. */
  public record Tier(String title, String text) {}

  private static final Pattern HEADING = Pattern.compile("^##\\s+\\d+\\.\\s*(.*)$");

  /** Reads the tiers of a {@code HINT.md}. */
  public static Hint parse(String markdown) {
    var tiers = new ArrayList<Tier>();
    String title = null;
    var text = new StringBuilder();
    for (var line : markdown.strip().lines().toList()) {
      var heading = HEADING.matcher(line);
      if (heading.matches()) {
        if (title != null || !text.toString().isBlank()) {
          tiers.add(new Tier(title == null ? "Hint" : title, text.toString().strip()));
        }
        title = heading.group(1).strip();
        text.setLength(0);
      } else if (!line.startsWith("# ")) {
        text.append(line).append('\n');
      }
    }
    if (title != null || !text.toString().isBlank()) {
      tiers.add(new Tier(title == null ? "Hint" : title, text.toString().strip()));
    }
    return new Hint(List.copyOf(tiers));
  }
}
