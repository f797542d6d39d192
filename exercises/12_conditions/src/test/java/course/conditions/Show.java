package course.conditions;

/** How values and exceptions look in messages. */
final class Show {

  private Show() {}

  static String value(Object value) {
    return value instanceof String text ? course.support.testing.Texts.show(text) : "" + value;
  }

  static String failure(Throwable failure) {
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : " (\"" + failure.getMessage() + "\")");
  }
}
