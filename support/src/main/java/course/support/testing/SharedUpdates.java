package course.support.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A structural check for races with a window too narrow to catch by running the code: it reads the
 * compiled class of the learner (and its nested classes and lambdas) and finds updates of shared
 * memory that read, modify and write without a lock.
 *
 * <p>{@code total[0] += n}, {@code total.value += n} or {@code count = count + n} on a field or on
 * an array that several threads share is a lost update waiting to happen: two threads read the same
 * old value, and one of the two additions disappears. Run by run it almost never shows (the window
 * is a few nanoseconds), so the tests look at the code instead. What it flags:
 *
 * <ul>
 *   <li>a field written outside a constructor or static initialiser after being read in the same
 *       method ({@code x.total += n}), and any static field written outside the static initialiser
 *       (per-call state in a static field is shared by every caller, and every thread);
 *   <li>an array element read and written back in the same method, when the array came in as a
 *       parameter (a lambda's captured variable) or from a field;
 * </ul>
 *
 * <p>unless the method holds a lock while it does so: a {@code synchronized} method or block, or a
 * call to a {@code lock} method. Local variables are never shared, so they are never flagged.
 * Giving each thread its own slot ({@code counts[i] = n}) writes without reading, and is fine.
 */
public final class SharedUpdates {

  /** One read-modify-write found: the class, the method and the source line, and what. */
  public record Update(String className, String method, int line, String what) {
    @Override
    public String toString() {
      return "%s.%s (%s.java, line %d): %s"
          .formatted(
              simple(className),
              method.startsWith("lambda$") ? "a lambda in " + method.split("\\$")[1] : method,
              simple(className).split("\\$")[0],
              line,
              what);
    }

    private static String simple(String className) {
      return className.substring(className.lastIndexOf('/') + 1);
    }
  }

  private SharedUpdates() {}

  /**
   * Fails if {@code anchor} (the learner's class, with its nested classes and lambdas) updates
   * shared memory without a lock.
   *
   * @param anchor a class of the learner's package, for example {@code WordCount.class}
   * @param hint what to do instead, in one sentence
   */
  public static void assertNone(Class<?> anchor, String hint) {
    var found = find(anchor);
    if (!found.isEmpty()) {
      throw new AssertionError(
          "%s updates a value that several threads share without a lock: %s. Two threads can read the same old value, and one update is lost (a race too rare to show in a test run, so the course reads your code). %s"
              .formatted(
                  found
                      .getFirst()
                      .className()
                      .substring(found.getFirst().className().lastIndexOf('/') + 1)
                      .split("\\$")[0],
                  found.getFirst(),
                  hint));
    }
  }

  /**
   * Every call site, in {@code anchor} and its nested classes, of the method {@code member} ({@code
   * "course/support/Guarded.get"}): what a read twice of a shared reference looks like.
   */
  public static List<Update> callsOf(Class<?> anchor, String member) {
    return scan(anchor).stream()
        .flatMap(scan -> scan.calls.stream())
        .filter(call -> call.what().equals(member))
        .toList();
  }

  /** Every unguarded update in {@code anchor} and its nested classes. */
  public static List<Update> find(Class<?> anchor) {
    return scan(anchor).stream().flatMap(scan -> scan.updates().stream()).toList();
  }

  private static List<ClassScan> scan(Class<?> anchor) {
    var folder = packageFolder(anchor);
    if (folder == null) {
      return List.of();
    }
    var found = new ArrayList<ClassScan>();
    try (Stream<Path> files = Files.list(folder)) {
      var own = anchor.getSimpleName();
      for (var file :
          files
              .filter(f -> f.toString().endsWith(".class"))
              .filter(
                  f -> {
                    var name = f.getFileName().toString();
                    return name.equals(own + ".class") || name.startsWith(own + "$");
                  })
              .sorted()
              .toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          found.add(new ClassScan(new DataInputStream(in)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** The folder of {@code anchor}'s class files, or null when they are not in a folder (a jar). */
  private static Path packageFolder(Class<?> anchor) {
    try {
      var source = anchor.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      var root = Path.of(source.getLocation().toURI());
      var folder = root.resolve(anchor.getPackageName().replace('.', '/'));
      return Files.isDirectory(folder) ? folder : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Reads one class file: its constant pool, then each method's code. */
  private static final class ClassScan {
    private final Object[] pool;
    private final String className;
    private final List<Update> updates = new ArrayList<>();
    private final Map<String, String> plainStaticCollections = new HashMap<>();
    private final List<Update> staticUses = new ArrayList<>();
    private final List<Update> calls = new ArrayList<>();
    private final List<Update> plainAdds = new ArrayList<>();
    private final List<Update> checkThenAct = new ArrayList<>();
    private boolean threadSafeCollections;

    ClassScan(DataInputStream in) throws IOException {
      in.readInt(); // magic
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      pool = new Object[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> pool[i] = in.readUTF();
          case 3, 4 -> in.readInt();
          case 5, 6 -> {
            in.readLong();
            i++;
          }
          case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
          case 9, 10, 11, 12, 17, 18 ->
              pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
          case 15 -> {
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      in.readUnsignedShort(); // access
      className = className(in.readUnsignedShort());
      in.readUnsignedShort(); // super
      in.skipBytes(2 * in.readUnsignedShort()); // interfaces
      int fields = in.readUnsignedShort();
      for (int f = 0; f < fields; f++) {
        in.skipBytes(6);
        skipAttributes(in);
      }
      int methods = in.readUnsignedShort();
      for (int m = 0; m < methods; m++) {
        int access = in.readUnsignedShort();
        var name = utf(in.readUnsignedShort());
        var descriptor = utf(in.readUnsignedShort());
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
          var attribute = utf(in.readUnsignedShort());
          int length = in.readInt();
          if (attribute.equals("Code")) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            var code = new byte[in.readInt()];
            in.readFully(code);
            in.skipBytes(8 * in.readUnsignedShort()); // exception table
            var lines = lineNumbers(in);
            scan(access, name, descriptor, code, lines);
          } else {
            in.skipBytes(length);
          }
        }
      }
    }

    /** Flagged updates, then uses of a plain static collection by code that holds no lock. */
    List<Update> updates() {
      var all = new ArrayList<>(updates);
      if (threadSafeCollections && !checkThenAct.isEmpty()) {
        all.add(checkThenAct.getFirst());
      }
      if (!threadSafeCollections && !plainAdds.isEmpty()) {
        all.add(plainAdds.getFirst());
      }
      for (var use : staticUses) {
        var type = plainStaticCollections.get(use.what());
        if (type != null) {
          all.add(
              new Update(
                  use.className(),
                  use.method(),
                  use.line(),
                  "uses the static "
                      + type
                      + " "
                      + simpleField(use.what())
                      + ", which is not thread-safe, without a lock, while every caller's thread shares it"));
          break;
        }
      }
      return all;
    }

    /** Interfaces whose implementations the learner's code may share between workers. */
    private static final java.util.Set<String> PLAIN_INTERFACES =
        java.util.Set.of(
            "java/util/List",
            "java/util/Collection",
            "java/util/Map",
            "java/util/Set",
            "java/util/Deque",
            "java/util/Queue");

    private static final java.util.Set<String> MUTATORS =
        java.util.Set.of(
            "add",
            "addAll",
            "put",
            "putAll",
            "merge",
            "compute",
            "computeIfAbsent",
            "offer",
            "push",
            "addLast",
            "addFirst",
            "set",
            "remove");

    /** Whether the code calls one of the support code's work functions: it runs on a worker. */
    private boolean doesWork(List<int[]> instructions) {
      for (var instruction : instructions) {
        if (instruction[1] == 0xb8 || instruction[1] == 0xb6 || instruction[1] == 0xb9) {
          var called = member(instruction[2]);
          if (called.startsWith("course/support/Chunks.countWords")
              || called.startsWith("course/support/NumberTheory.")
              || called.startsWith("course/support/SlowSource.")) {
            return true;
          }
        }
      }
      return false;
    }

    /** Collections that break when two threads change them at once. */
    private static final java.util.Set<String> PLAIN =
        java.util.Set.of(
            "java/util/HashMap",
            "java/util/LinkedHashMap",
            "java/util/TreeMap",
            "java/util/ArrayList",
            "java/util/LinkedList",
            "java/util/HashSet",
            "java/util/LinkedHashSet",
            "java/util/TreeSet",
            "java/util/ArrayDeque");

    private String utf(int index) {
      return (String) pool[index];
    }

    private String className(int index) {
      return utf(((int[]) pool[index])[0]);
    }

    /** A field or method reference as "owner.name". */
    private String member(int index) {
      var ref = (int[]) pool[index];
      var nameAndType = (int[]) pool[ref[1]];
      return className(ref[0]) + "." + utf(nameAndType[0]);
    }

    private String descriptor(int index) {
      var ref = (int[]) pool[index];
      return utf(((int[]) pool[ref[1]])[1]);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        in.readUnsignedShort();
        in.skipBytes(in.readInt());
      }
    }

    /** The code's attributes; returns the LineNumberTable as (pc, line) pairs. */
    private int[] lineNumbers(DataInputStream in) throws IOException {
      var lines = new ArrayList<Integer>();
      int attributes = in.readUnsignedShort();
      for (int a = 0; a < attributes; a++) {
        var attribute = utf(in.readUnsignedShort());
        int length = in.readInt();
        if (attribute.equals("LineNumberTable")) {
          int entries = in.readUnsignedShort();
          for (int e = 0; e < entries; e++) {
            lines.add(in.readUnsignedShort());
            lines.add(in.readUnsignedShort());
          }
        } else {
          in.skipBytes(length);
        }
      }
      return lines.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineAt(int[] lines, int pc) {
      int line = -1;
      int best = -1;
      for (int i = 0; i < lines.length; i += 2) {
        if (lines[i] <= pc && lines[i] > best) {
          best = lines[i];
          line = lines[i + 1];
        }
      }
      return line;
    }

    private void scan(int access, String name, String descriptor, byte[] code, int[] lines) {
      boolean synchronizedMethod = (access & 0x0020) != 0;
      boolean isStatic = (access & 0x0008) != 0;
      boolean initialiser = name.equals("<init>") || name.equals("<clinit>");
      int parameterSlots = parameterSlots(descriptor) + (isStatic ? 0 : 1);
      var instructions = decode(code);
      for (var instruction : instructions) {
        if (instruction[1] >= 0xb6 && instruction[1] <= 0xb9) {
          calls.add(
              new Update(className, name, lineAt(lines, instruction[0]), member(instruction[2])));
        }
      }
      // A lock anywhere in the method: the update may be guarded; give it the benefit of the doubt.
      for (var instruction : instructions) {
        int op = instruction[1];
        if (op == 0xc2
            || (op >= 0xb6 && op <= 0xb9 && LOCKING.matcher(member(instruction[2])).matches())) {
          return;
        }
      }
      if (synchronizedMethod) {
        return;
      }
      if (name.equals("<clinit>")) {
        // `static final Map<..> CACHE = new HashMap<>()`: new X, <init>, putstatic, unless wrapped.
        String created = null;
        for (var instruction : instructions) {
          int op = instruction[1];
          if (op == 0xbb) {
            created = className(instruction[2]);
          } else if (op == 0xb8 && member(instruction[2]).startsWith("java/util/Collections.")) {
            created = null;
          } else if (op == 0xb3 && created != null) {
            if (PLAIN.contains(created)) {
              plainStaticCollections.put(
                  member(instruction[2]), created.substring(created.lastIndexOf('/') + 1));
            }
            created = null;
          }
        }
      } else {
        for (var instruction : instructions) {
          if (instruction[1] == 0xb2) {
            staticUses.add(
                new Update(className, name, lineAt(lines, instruction[0]), member(instruction[2])));
          }
        }
      }
      if (doesWork(instructions)) {
        for (var instruction : instructions) {
          if (instruction[1] == 0xb6 || instruction[1] == 0xb9) {
            var called = member(instruction[2]);
            var owner = called.substring(0, called.lastIndexOf('.'));
            var method = called.substring(called.lastIndexOf('.') + 1);
            if ((PLAIN.contains(owner) || PLAIN_INTERFACES.contains(owner))
                && MUTATORS.contains(method)) {
              plainAdds.add(
                  new Update(
                      className,
                      name,
                      lineAt(lines, instruction[0]),
                      "calls "
                          + owner.substring(owner.lastIndexOf('/') + 1)
                          + "."
                          + method
                          + " on a collection that is not thread-safe, on each worker thread at once"));
            }
          }
        }
      }
      for (var instruction : instructions) {
        int op = instruction[1];
        if (op == 0xbb && className(instruction[2]).startsWith("java/util/concurrent/")
            || op == 0xb8
                && member(instruction[2]).startsWith("java/util/Collections.synchronized")) {
          threadSafeCollections = true;
        }
      }
      if (!name.equals("<clinit>")) {
        // A static AtomicLong or LongAdder that each call resets: one running total for all calls.
        String staticAtomic = null;
        boolean resets = false;
        for (var instruction : instructions) {
          int op = instruction[1];
          if (op == 0xb2
              && descriptor(instruction[2]).startsWith("Ljava/util/concurrent/atomic/")) {
            staticAtomic = member(instruction[2]);
          } else if (op == 0xb6 && RESETTING.matcher(member(instruction[2])).matches()) {
            resets = true;
          }
        }
        if (staticAtomic != null && resets) {
          add(
              name,
              lineAt(lines, 0),
              "resets the static "
                  + simpleField(staticAtomic)
                  + " at each call: two calls at once share that one total, and add into and reset each other's count");
          return;
        }
        // A static array written outside the static initialiser: a buffer every call shares.
        String staticArray = null;
        for (var instruction : instructions) {
          int op = instruction[1];
          if (op == 0xb2 && descriptor(instruction[2]).startsWith("[")) {
            staticArray = member(instruction[2]);
          } else if (op >= 0x4f && op <= 0x56 && staticArray != null) {
            add(
                name,
                lineAt(lines, instruction[0]),
                "writes into the static array "
                    + simpleField(staticArray)
                    + ", which every call and every thread shares");
            return;
          }
        }
      }
      // Check-then-act on one set: if (!claimed.contains(u)) { claimed.add(u); ... }. Two threads
      // can both see "not there" and both act; Set.add's own answer is the atomic claim.
      String checked = null;
      String lastSet = null;
      for (var instruction : instructions) {
        int op = instruction[1];
        if (op == 0xb4 || op == 0xb2) {
          lastSet = member(instruction[2]);
        } else if (op == 0xb9 || op == 0xb6) {
          var called = member(instruction[2]);
          if (CHECKING.matcher(called).matches()) {
            checked = lastSet;
          } else if (ACTING.matcher(called).matches()
              && checked != null
              && checked.equals(lastSet)) {
            checkThenAct.add(
                new Update(
                    className,
                    name,
                    lineAt(lines, instruction[0]),
                    "checks "
                        + simpleField(checked)
                        + " with contains(...), then adds to it: two threads can both find the URI missing, and both claim it"));
            break;
          }
        }
      }
      var readFields = new HashMap<String, Integer>();
      for (int i = 0; i < instructions.size(); i++) {
        int pc = instructions.get(i)[0];
        int op = instructions.get(i)[1];
        if (op == 0xb2 || op == 0xb4) { // getstatic, getfield
          readFields.putIfAbsent(member(instructions.get(i)[2]), pc);
        } else if (op == 0xb3 && !name.equals("<clinit>")) { // putstatic
          var field = member(instructions.get(i)[2]);
          if (field.startsWith(className + ".") || field.startsWith(className.split("\\$")[0])) {
            add(
                name,
                lineAt(lines, pc),
                readFields.containsKey(field)
                    ? "adds to the static field "
                        + simpleField(field)
                        + " (read, then written back)"
                    : "writes the static field "
                        + simpleField(field)
                        + ", which every call and every thread shares");
            return;
          }
        } else if (op == 0xb5 && !initialiser) { // putfield
          var field = member(instructions.get(i)[2]);
          if (readFields.containsKey(field)) {
            add(
                name,
                lineAt(lines, pc),
                "reads the field " + simpleField(field) + ", then writes it back");
            return;
          }
        } else if (op >= 0x2e && op <= 0x35) { // xaload
          // The two shapes javac gives a read-modify-write of one element: a[k] += n pushes
          // (a, k), dup2, xaload; a[k] = a[k] + n pushes (a, k) twice, then xaload.
          String key = null;
          if (i >= 3 && instructions.get(i - 1)[1] == 0x5c) {
            key = sourceKey(instructions, i - 2, parameterSlots);
          } else if (i >= 4) {
            var second = sourceKey(instructions, i - 1, parameterSlots);
            if (second != null
                && second.equals(sourceKey(instructions, i - 3, parameterSlots))
                && sameInstruction(instructions.get(i - 1), instructions.get(i - 3))
                && sameInstruction(instructions.get(i - 2), instructions.get(i - 4))) {
              key = second;
            }
          }
          if (key != null) {
            add(name, lineAt(lines, pc), "reads " + key + ", then writes it back");
            return;
          }
        }
      }
    }

    private void add(String method, int line, String what) {
      updates.add(new Update(className, method, line, what));
    }

    private static String simpleField(String field) {
      return field.substring(field.lastIndexOf('/') + 1).replace('$', '.');
    }

    private static boolean sameInstruction(int[] one, int[] other) {
      return one[1] == other[1] && one[2] == other[2];
    }

    /** The key of an (array, index) pair whose index instruction is at {@code at}. */
    String sourceKey(List<int[]> code, int at, int parameterSlots) {
      if (at < 1) {
        return null;
      }
      var index = code.get(at);
      var array = code.get(at - 1);
      var indexText = indexText(index);
      if (indexText == null) {
        return null;
      }
      int op = array[1];
      if (op >= 0x2a && op <= 0x2d && op - 0x2a < parameterSlots) { // aload_n
        return "an array the code was handed or captured, element " + indexText;
      }
      if (op == 0x19 && array[2] < parameterSlots) { // aload n
        return "an array the code was handed or captured, element " + indexText;
      }
      if (op == 0xb2 || op == 0xb4) {
        return "the array " + simpleField(member(array[2])) + ", element " + indexText;
      }
      return null;
    }

    private static String indexText(int[] index) {
      int op = index[1];
      if (op >= 0x02 && op <= 0x08) {
        return String.valueOf(op - 0x03);
      }
      if (op == 0x10 || op == 0x11) {
        return String.valueOf(index[2]);
      }
      if (op >= 0x1a && op <= 0x1d) {
        return "local " + (op - 0x1a);
      }
      if (op == 0x15) {
        return "local " + index[2];
      }
      return null;
    }

    /** The instructions: {pc, opcode, operand (pool index, local or constant), ...}. */
    private static List<int[]> decode(byte[] code) {
      var instructions = new ArrayList<int[]>();
      int pc = 0;
      while (pc < code.length) {
        int op = code[pc] & 0xff;
        int operand = 0;
        int length;
        if (op == 0xaa) { // tableswitch
          int p = (pc + 4) & ~3;
          int low = readInt(code, p + 4);
          int high = readInt(code, p + 8);
          length = p - pc + 12 + 4 * (high - low + 1);
        } else if (op == 0xab) { // lookupswitch
          int p = (pc + 4) & ~3;
          length = p - pc + 8 + 8 * readInt(code, p + 4);
        } else if (op == 0xc4) { // wide
          length = (code[pc + 1] & 0xff) == 0x84 ? 6 : 4;
          operand = ((code[pc + 2] & 0xff) << 8) | (code[pc + 3] & 0xff);
          op = code[pc + 1] & 0xff;
        } else {
          length = LENGTHS[op];
          if (length == 2) {
            operand = op == 0x10 ? code[pc + 1] : code[pc + 1] & 0xff;
          } else if (length >= 3) {
            operand =
                op == 0x11
                    ? (short) (((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff))
                    : ((code[pc + 1] & 0xff) << 8) | (code[pc + 2] & 0xff);
          }
        }
        instructions.add(new int[] {pc, op, operand});
        pc += Math.max(1, length);
      }
      return instructions;
    }

    private static int readInt(byte[] code, int at) {
      return ((code[at] & 0xff) << 24)
          | ((code[at + 1] & 0xff) << 16)
          | ((code[at + 2] & 0xff) << 8)
          | (code[at + 3] & 0xff);
    }

    private static int parameterSlots(String descriptor) {
      int slots = 0;
      int i = 1;
      while (descriptor.charAt(i) != ')') {
        char c = descriptor.charAt(i);
        if (c == 'J' || c == 'D') {
          slots += 2;
          i++;
        } else if (c == 'L') {
          slots++;
          i = descriptor.indexOf(';', i) + 1;
        } else if (c == '[') {
          while (descriptor.charAt(i) == '[') {
            i++;
          }
          if (descriptor.charAt(i) == 'L') {
            i = descriptor.indexOf(';', i);
          }
          i++;
          slots++;
        } else {
          slots++;
          i++;
        }
      }
      return slots;
    }

    private static final Pattern LOCKING =
        Pattern.compile(".*\\.(lock|lockInterruptibly|tryLock|acquire)");
    private static final Pattern RESETTING =
        Pattern.compile("java/util/concurrent/atomic/.*\\.(reset|set|sumThenReset|getAndSet)");
    private static final Pattern CHECKING =
        Pattern.compile("java/util/(Set|Collection)\\.contains|java/util/Map\\.containsKey");
    private static final Pattern ACTING =
        Pattern.compile("java/util/(Set|Collection)\\.add|java/util/Map\\.put");

    private static final int[] LENGTHS = new int[256];

    static {
      java.util.Arrays.fill(LENGTHS, 1);
      LENGTHS[0x10] = 2;
      LENGTHS[0x11] = 3;
      LENGTHS[0x12] = 2;
      LENGTHS[0x13] = 3;
      LENGTHS[0x14] = 3;
      for (int op = 0x15; op <= 0x19; op++) {
        LENGTHS[op] = 2;
      }
      for (int op = 0x36; op <= 0x3a; op++) {
        LENGTHS[op] = 2;
      }
      LENGTHS[0x84] = 3;
      for (int op = 0x99; op <= 0xa8; op++) {
        LENGTHS[op] = 3;
      }
      LENGTHS[0xa9] = 2;
      for (int op = 0xb2; op <= 0xb8; op++) {
        LENGTHS[op] = 3;
      }
      LENGTHS[0xb9] = 5;
      LENGTHS[0xba] = 5;
      LENGTHS[0xbb] = 3;
      LENGTHS[0xbc] = 2;
      LENGTHS[0xbd] = 3;
      LENGTHS[0xc0] = 3;
      LENGTHS[0xc1] = 3;
      LENGTHS[0xc5] = 4;
      LENGTHS[0xc6] = 3;
      LENGTHS[0xc7] = 3;
      LENGTHS[0xc8] = 5;
      LENGTHS[0xc9] = 5;
    }
  }
}
