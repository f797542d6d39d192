package course.support.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The virtual threads alive now, with their stacks. {@code ThreadMXBean}, which {@link Deadline}
 * reads for platform threads, does not list virtual threads at all; the JDK's thread dump in JSON
 * ({@code HotSpotDiagnosticMXBean.dumpThreads}, JDK 21 and later) does, container by container. A
 * virtual thread that hangs in the learner's code (chapter 10's, say) then shows in a hang's
 * diagnosis like any other.
 */
final class VirtualThreadDump {

  /**
   * One virtual thread: its name (often empty), its state ({@code null} when the JDK's dump does
   * not say, as JDK 21's does not) and its stack, top first.
   */
  record Seen(long id, String name, Thread.State state, List<StackTraceElement> stack) {

    /** Its state, or what its top frame tells when the dump did not say. */
    Thread.State stateOrGuess() {
      if (state != null) {
        return state;
      }
      var top = stack.isEmpty() ? null : stack.getFirst();
      return top != null
              && top.getClassName().equals("java.lang.VirtualThread")
              && top.getMethodName().startsWith("park")
          ? Thread.State.WAITING
          : Thread.State.RUNNABLE;
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  private VirtualThreadDump() {}

  /** Every virtual thread alive now; empty if the JDK cannot dump its threads. */
  static List<Seen> now() {
    try {
      var file = Files.createTempFile("course-threads", ".json");
      try {
        Files.delete(file); // dumpThreads writes a new file only
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
            .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
        var platform = new HashSet<Long>();
        for (var thread : Thread.getAllStackTraces().keySet()) {
          platform.add(thread.threadId());
        }
        try (var parser = JSON.createParser(file.toFile())) {
          return read(parser, platform);
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | RuntimeException e) {
      return List.of(); // no diagnosis of virtual threads beats a failure that hides the hang
    }
  }

  /**
   * The threads of every container ("threads": [{"tid", "name", "state", "virtual", "stack"}]); a
   * thread is virtual when the dump says so or, in JDK 21's dump, which does not, when it is not
   * one of the platform threads.
   */
  private static List<Seen> read(JsonParser parser, Set<Long> platform) throws IOException {
    var seen = new ArrayList<Seen>();
    while (parser.nextToken() != null) {
      if (parser.currentToken() == JsonToken.FIELD_NAME
          && parser.currentName().equals("threads")
          && parser.nextToken() == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          var thread = thread(parser);
          if (thread != null && !platform.contains(thread.id())) {
            seen.add(thread);
          }
        }
      }
    }
    return List.copyOf(seen);
  }

  private static Seen thread(JsonParser parser) throws IOException {
    long id = -1;
    var name = "";
    Thread.State state = null;
    Boolean virtual = null;
    var stack = new ArrayList<StackTraceElement>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "tid" -> id = Long.parseLong(parser.getValueAsString());
        case "name" -> name = parser.getValueAsString();
        case "state" -> state = state(parser.getValueAsString());
        case "virtual" -> virtual = parser.getValueAsBoolean();
        case "stack" -> {
          while (parser.nextToken() == JsonToken.VALUE_STRING) {
            stack.add(frame(parser.getValueAsString()));
          }
        }
        default -> parser.skipChildren();
      }
    }
    return Boolean.FALSE.equals(virtual) || id < 0
        ? null
        : new Seen(id, name, state, List.copyOf(stack));
  }

  private static Thread.State state(String name) {
    try {
      return Thread.State.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * A frame as {@link StackTraceElement#toString()} writes it, back into one:
   * "exercise//course.virtualthreads.WordCount.lambda$countAll$0(WordCount.java:41)", "java.base/
   * java.lang.VirtualThread.park(VirtualThread.java:742)", "V.main(V.java:3)" (class loader and
   * module, each followed by a slash, when there is one; the module may end in "@version").
   */
  static StackTraceElement frame(String text) {
    int paren = text.indexOf('(');
    var head = paren < 0 ? text : text.substring(0, paren);
    var where = paren < 0 ? "" : text.substring(paren + 1, text.lastIndexOf(')'));
    var parts = head.split("/", -1);
    var method = parts[parts.length - 1];
    String loader = null;
    String module = null;
    if (parts.length == 3) {
      loader = parts[0].isEmpty() ? null : parts[0];
      module = parts[1].isEmpty() ? null : parts[1];
    } else if (parts.length == 2) {
      module = parts[0].isEmpty() ? null : parts[0];
    }
    String version = null;
    if (module != null && module.contains("@")) {
      version = module.substring(module.indexOf('@') + 1);
      module = module.substring(0, module.indexOf('@'));
    }
    int dot = method.lastIndexOf('.');
    var className = dot < 0 ? method : method.substring(0, dot);
    var methodName = dot < 0 ? "" : method.substring(dot + 1);
    String file = null;
    int line = -1;
    if (where.equals("Native Method")) {
      line = -2;
    } else if (!where.isEmpty() && !where.equals("Unknown Source")) {
      int colon = where.lastIndexOf(':');
      file = colon < 0 ? where : where.substring(0, colon);
      if (colon >= 0) {
        try {
          line = Integer.parseInt(where.substring(colon + 1));
        } catch (NumberFormatException e) {
          line = -1;
        }
      }
    }
    return new StackTraceElement(loader, module, version, className, methodName, file, line);
  }
}
