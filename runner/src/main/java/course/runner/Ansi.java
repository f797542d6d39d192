package course.runner;

/** Colours for the terminal, or plain text when the output is not one (verify.sh decides). */
public record Ansi(boolean enabled) {

  /** Colours when verify.sh says the output is a terminal ({@code COURSE_COLOR=1}). */
  public static Ansi fromEnvironment() {
    return new Ansi("1".equals(System.getenv("COURSE_COLOR")));
  }

  public String red(String text) {
    return paint("31", text);
  }

  public String green(String text) {
    return paint("32", text);
  }

  public String yellow(String text) {
    return paint("33", text);
  }

  public String bold(String text) {
    return paint("1", text);
  }

  public String dim(String text) {
    return paint("2", text);
  }

  /** Clears the terminal (watch mode); nothing when the output is not a terminal. */
  public String clearScreen() {
    return enabled ? "\033[H\033[2J" : "";
  }

  private String paint(String code, String text) {
    return enabled ? "\033[" + code + "m" + text + "\033[0m" : text;
  }
}
