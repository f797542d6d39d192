package course.support.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A fresh copy of the learner's classes, rewritten (with ASM) in two ways a test can use.
 *
 * <p><b>Plain collections shared between threads.</b> Every call in the learner's code that changes
 * a {@code java.util} collection ({@code add}, {@code put}, {@code remove}, ..., and the method
 * references {@code set::add}) first tells this class which collection it is about to change, and
 * on which thread; every {@code synchronized} block or method, and every {@code lock()} of a {@code
 * java.util.concurrent.locks} lock, tells it which lock the thread takes. {@link
 * #watchPlainCollections} runs a call and reports each collection that is not thread-safe ({@code
 * HashSet}, {@code HashMap}, {@code ArrayList}, ...) and that two threads other than the caller
 * changed, one of them while it held no lock at all. Whether the two changes happened to overlap in
 * time does not matter: a plain {@code HashSet} that two of the learner's tasks {@code add} to
 * without a lock is reported on every run, however fast or slow the machine. A collection that only
 * the calling thread changes (a coordinator that owns the frontier), or that each task makes for
 * itself, is never reported; nor is one that every thread changes under a lock.
 *
 * <p><b>A constant with another value.</b> {@link Builder#withConstant} makes the copy's static
 * initialiser store another object in a {@code static final} field (not a compile-time constant
 * such as an {@code int} or a {@code String}: those are copied into the code that reads them). A
 * test can so shorten a documented time-out and check it in a fraction of its real length.
 *
 * <p>The copy is made of every class of the anchor's package that sits in the anchor's class folder
 * (the learner's classes, not the tests'); everything else comes from the usual class loader.
 */
public final class LearnerCopy {

  /**
   * A plain collection that two threads changed, one of them without a lock.
   *
   * @param type the collection's class, for example {@code HashSet}
   * @param where where the change without a lock is, {@code File.java:line}
   * @param method the learner's method it is in, as a learner names it
   * @param change the call, for example {@code Set.add}
   * @param threads the names of two threads that changed it, the second one without a lock
   */
  public record Shared(
      String type, String where, String method, String change, List<String> threads) {
    @Override
    public String toString() {
      var article = "AEIOU".indexOf(type.charAt(0)) >= 0 ? "an" : "a";
      return "%s (in %s) calls %s on %s %s that %s and %s both changed, %s with no lock held"
          .formatted(
              where, method, change, article, type, threads.get(0), threads.get(1), threads.get(1));
    }
  }

  /**
   * What {@link #watchPlainCollections} saw.
   *
   * @param result what the call returned
   * @param shared every plain collection changed by two threads, one without a lock; empty if none
   * @param <R> the call's result type
   */
  public record Watched<R>(R result, List<Shared> shared) {}

  /** Builds a copy: {@link #of}, then {@link #withConstant} as often as needed, then load. */
  public static final class Builder {
    private final Class<?> anchor;
    private final Map<String, Object> constants = new HashMap<>();

    private Builder(Class<?> anchor) {
      this.anchor = anchor;
    }

    /**
     * Makes the copy of {@code type} start with {@code value} in its static field {@code field}.
     *
     * @param type one of the learner's classes
     * @param field the name of one of its static fields, initialised in its static initialiser
     * @param value what the field holds in the copy; of the field's type
     * @return this builder
     */
    public Builder withConstant(Class<?> type, String field, Object value) {
      constants.put(internalName(type) + "." + field, value);
      return this;
    }

    /**
     * Loads the copy.
     *
     * @return the copy
     * @throws IllegalStateException when the learner's classes are not in a folder
     */
    public LearnerCopy load() {
      int id = COPIES.incrementAndGet();
      var keyed = new HashMap<String, Object>();
      constants.forEach((field, value) -> keyed.put(id + ":" + field, value));
      CONSTANTS.putAll(keyed);
      var replaced = Set.copyOf(constants.keySet());
      return new LearnerCopy(
          RewrittenCopy.of(anchor, "learner-copy-" + id, bytes -> rewrite(bytes, id, replaced)));
    }
  }

  private static final String SELF = internalName(LearnerCopy.class);
  private static final AtomicInteger COPIES = new AtomicInteger();

  /** The replaced constants of every copy, by "copy:owner.field". */
  private static final Map<String, Object> CONSTANTS = new ConcurrentHashMap<>();

  /** Every call site of every copy that changes a collection, by id. */
  private static final List<Site> SITES = new CopyOnWriteArrayList<>();

  /** The locks each thread took in the learner's code (stale ones are dropped as it takes more). */
  private static final ThreadLocal<List<Object>> LOCKS = ThreadLocal.withInitial(ArrayList::new);

  /** The watch in progress, or null: the probes then return at once. */
  private static volatile Watch active;

  private final RewrittenCopy copy;

  private LearnerCopy(RewrittenCopy copy) {
    this.copy = copy;
  }

  /**
   * Starts a copy of every class in {@code anchor}'s package that sits in its class folder.
   *
   * @param anchor one of the learner's classes
   * @return a builder; call {@link Builder#load()}
   */
  public static Builder of(Class<?> anchor) {
    return new Builder(anchor);
  }

  /**
   * The copy of {@code type}, loaded and initialised afresh.
   *
   * @param type one of the learner's classes
   * @return its copy
   */
  public Class<?> copyOf(Class<?> type) {
    return copy.copyOf(type);
  }

  /**
   * A call of the static method {@code name} of {@code type}'s copy with {@code args}. What the
   * method throws, the call throws.
   *
   * @param type one of the learner's classes
   * @param name a static method of it (of any access), the only one of that name with as many
   *     parameters
   * @param args its arguments
   * @param <R> what it returns
   * @return the call
   */
  public <R> Callable<R> staticCall(Class<?> type, String name, Object... args) {
    return copy.staticCall(type, name, args);
  }

  /**
   * Runs {@code call} on this thread and watches the plain collections the copy changes meanwhile
   * (see the class comment). Changes made on this thread do not count: the caller may own plain
   * collections. One watch at a time.
   *
   * @param call a call into the copy, for example {@link #staticCall}
   * @param <R> its result type
   * @return what it returned, and what was seen
   * @throws Exception what {@code call} threw
   */
  public static <R> Watched<R> watchPlainCollections(Callable<R> call) throws Exception {
    var watch = new Watch(Thread.currentThread());
    active = watch;
    try {
      var result = call.call();
      return new Watched<>(result, watch.shared());
    } finally {
      active = null;
    }
  }

  // ---- what the instrumented copy calls ------------------------------------------------------

  /**
   * The copy is about to change {@code collection} at call site {@code site}.
   *
   * @param collection the receiver of the call
   * @param site the call site
   */
  public static void changing(Object collection, int site) {
    var watch = active;
    if (watch != null && collection != null && isPlain(collection.getClass())) {
      watch.changing(collection, site);
    }
  }

  /**
   * The copy takes the lock {@code lock}: a monitor ({@code synchronized}) or a {@code
   * java.util.concurrent.locks} lock.
   *
   * @param lock the lock
   */
  public static void locking(Object lock) {
    if (active == null || lock == null) {
      return;
    }
    var locks = LOCKS.get();
    locks.removeIf(held -> !holds(held));
    locks.add(lock);
  }

  /**
   * The replaced value of a constant.
   *
   * @param key the copy and the field
   * @return its value in that copy
   */
  public static Object constant(String key) {
    return CONSTANTS.get(key);
  }

  private static boolean holdsAnyLock() {
    if (course.support.GlobalLock.isHeldByCurrentThread()) {
      return true; // the course's global lock (chapters 04 to 07) is a lock too
    }
    for (var lock : LOCKS.get()) {
      if (holds(lock)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(Object lock) {
    if (Thread.holdsLock(lock)) {
      return true;
    }
    return switch (lock) {
      case ReentrantLock reentrant -> reentrant.isHeldByCurrentThread();
      case ReentrantReadWriteLock.WriteLock write -> write.isHeldByCurrentThread();
      case StampedLock stamped -> stamped.isWriteLocked() || stamped.isReadLocked();
      // A read lock, or a lock of a kind this class cannot ask: give it the benefit of the doubt.
      case java.util.concurrent.locks.Lock other -> true;
      default -> false;
    };
  }

  /** The collections of java.util that break when two threads change them. */
  private static final Set<String> PLAIN =
      Set.of(
          "java.util.HashMap",
          "java.util.LinkedHashMap",
          "java.util.TreeMap",
          "java.util.IdentityHashMap",
          "java.util.WeakHashMap",
          "java.util.EnumMap",
          "java.util.ArrayList",
          "java.util.LinkedList",
          "java.util.HashSet",
          "java.util.LinkedHashSet",
          "java.util.TreeSet",
          "java.util.EnumSet",
          "java.util.ArrayDeque",
          "java.util.PriorityQueue");

  private static final Map<Class<?>, Boolean> PLAIN_CLASSES = new ConcurrentHashMap<>();

  private static boolean isPlain(Class<?> type) {
    return PLAIN_CLASSES.computeIfAbsent(
        type,
        t -> {
          for (var c = t; c != null; c = c.getSuperclass()) {
            if (PLAIN.contains(c.getName())) {
              return true;
            }
          }
          return false;
        });
  }

  /** One call site that changes a collection. */
  private record Site(String file, int line, String method, String change) {}

  /** One watch: for each plain collection, the threads that changed it and how. */
  private static final class Watch {
    private final Thread caller;
    private final Map<Object, Seen> seen = new IdentityHashMap<>();
    private final List<Shared> shared = new ArrayList<>();

    Watch(Thread caller) {
      this.caller = caller;
    }

    /** What one collection went through. */
    private static final class Seen {
      final Set<Thread> threads = new LinkedHashSet<>();
      Thread unlocked;
      int unlockedSite = -1;
      boolean reported;
    }

    void changing(Object collection, int site) {
      var me = Thread.currentThread();
      if (me == caller) {
        return;
      }
      boolean locked = holdsAnyLock();
      synchronized (this) {
        var entry = seen.computeIfAbsent(collection, c -> new Seen());
        entry.threads.add(me);
        if (!locked && entry.unlocked == null) {
          entry.unlocked = me;
          entry.unlockedSite = site;
        }
        if (!entry.reported && entry.unlocked != null && entry.threads.size() >= 2) {
          entry.reported = true;
          var other =
              entry.threads.stream().filter(t -> t != entry.unlocked).findFirst().orElseThrow();
          var where = SITES.get(entry.unlockedSite);
          shared.add(
              new Shared(
                  collection.getClass().getSimpleName(),
                  where.file() + ":" + where.line(),
                  where.method(),
                  where.change(),
                  List.of(nameOf(other), nameOf(entry.unlocked))));
        }
      }
    }

    synchronized List<Shared> shared() {
      return List.copyOf(shared);
    }
  }

  private static String nameOf(Thread thread) {
    if (!thread.getName().isEmpty()) {
      return "'" + thread.getName() + "'";
    }
    return (thread.isVirtual() ? "virtual thread #" : "thread #") + thread.threadId();
  }

  // ---- the copy --------------------------------------------------------------------------------

  private static String internalName(Class<?> type) {
    return type.getName().replace('.', '/');
  }

  private static byte[] rewrite(byte[] original, int id, Set<String> constants) {
    var reader = new ClassReader(original);
    var writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
    reader.accept(new Rewriting(writer, id, constants), 0);
    return writer.toByteArray();
  }

  /** Whether a call on {@code owner} may change a collection: owner in java.util itself. */
  private static boolean collectionOwner(String owner) {
    return owner.startsWith("java/util/") && owner.indexOf('/', "java/util/".length()) < 0;
  }

  private static final Set<String> CHANGES =
      Set.of(
          "add",
          "addAll",
          "addFirst",
          "addLast",
          "offer",
          "offerFirst",
          "offerLast",
          "push",
          "pop",
          "poll",
          "pollFirst",
          "pollLast",
          "removeFirst",
          "removeLast",
          "put",
          "putAll",
          "putIfAbsent",
          "putFirst",
          "putLast",
          "merge",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "replace",
          "replaceAll",
          "set",
          "remove",
          "removeAll",
          "removeIf",
          "retainAll",
          "clear",
          "sort");

  private static final Set<String> LOCKING =
      Set.of(
          "lock",
          "lockInterruptibly",
          "tryLock",
          "writeLock",
          "writeLockInterruptibly",
          "tryWriteLock",
          "readLock",
          "readLockInterruptibly",
          "tryReadLock");

  /** One bridge method to generate: a call made through a static method of the class. */
  private record Bridge(
      String name,
      int opcode,
      String owner,
      String member,
      String descriptor,
      boolean isInterface,
      boolean lock,
      int site) {}

  /**
   * Sends every collection change and every lock through a static bridge that reports it, records
   * monitors, and replaces the constants.
   */
  private static final class Rewriting extends ClassVisitor {
    private final int id;
    private final Set<String> constants;
    private final List<Bridge> bridges = new ArrayList<>();
    private String className;
    private boolean isInterface;
    private String file = "?";

    Rewriting(ClassVisitor next, int id, Set<String> constants) {
      super(Opcodes.ASM9, next);
      this.id = id;
      this.constants = constants;
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      className = name;
      isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
      if (source != null) {
        file = source;
      }
      super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      var next = super.visitMethod(access, name, descriptor, signature, exceptions);
      boolean synchronizedMethod = (access & Opcodes.ACC_SYNCHRONIZED) != 0;
      boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
      return new MethodVisitor(Opcodes.ASM9, next) {
        private int line;

        @Override
        public void visitCode() {
          super.visitCode();
          if (synchronizedMethod) {
            if (isStatic) {
              super.visitLdcInsn(Type.getObjectType(className));
            } else {
              super.visitVarInsn(Opcodes.ALOAD, 0);
            }
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, SELF, "locking", "(Ljava/lang/Object;)V", false);
          }
        }

        @Override
        public void visitLineNumber(int line, Label start) {
          this.line = line;
          super.visitLineNumber(line, start);
        }

        @Override
        public void visitInsn(int opcode) {
          if (opcode == Opcodes.MONITORENTER) {
            super.visitInsn(Opcodes.DUP);
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC, SELF, "locking", "(Ljava/lang/Object;)V", false);
          }
          super.visitInsn(opcode);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String field, String desc) {
          if (opcode == Opcodes.PUTSTATIC
              && name.equals("<clinit>")
              && owner.equals(className)
              && constants.contains(owner + "." + field)) {
            var type = Type.getType(desc);
            super.visitInsn(type.getSize() == 2 ? Opcodes.POP2 : Opcodes.POP);
            super.visitLdcInsn(id + ":" + owner + "." + field);
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                SELF,
                "constant",
                "(Ljava/lang/String;)Ljava/lang/Object;",
                false);
            super.visitTypeInsn(Opcodes.CHECKCAST, type.getInternalName());
          }
          super.visitFieldInsn(opcode, owner, field, desc);
        }

        @Override
        public void visitMethodInsn(
            int opcode, String owner, String member, String desc, boolean itf) {
          var bridge = bridgeFor(opcode, owner, member, desc, itf, line, name);
          if (bridge == null) {
            super.visitMethodInsn(opcode, owner, member, desc, itf);
          } else {
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                className,
                bridge.name(),
                bridgeDescriptor(bridge),
                isInterface);
          }
        }

        @Override
        public void visitInvokeDynamicInsn(
            String member, String desc, Handle bootstrap, Object... arguments) {
          // A method reference such as claimed::add: its target becomes the bridge.
          if (bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")) {
            for (int i = 0; i < arguments.length; i++) {
              if (arguments[i] instanceof Handle target) {
                int opcode =
                    switch (target.getTag()) {
                      case Opcodes.H_INVOKEVIRTUAL -> Opcodes.INVOKEVIRTUAL;
                      case Opcodes.H_INVOKEINTERFACE -> Opcodes.INVOKEINTERFACE;
                      default -> -1;
                    };
                var bridge =
                    opcode < 0
                        ? null
                        : bridgeFor(
                            opcode,
                            target.getOwner(),
                            target.getName(),
                            target.getDesc(),
                            target.isInterface(),
                            line,
                            name);
                if (bridge != null) {
                  arguments = arguments.clone();
                  arguments[i] =
                      new Handle(
                          Opcodes.H_INVOKESTATIC,
                          className,
                          bridge.name(),
                          bridgeDescriptor(bridge),
                          isInterface);
                }
              }
            }
          }
          super.visitInvokeDynamicInsn(member, desc, bootstrap, arguments);
        }
      };
    }

    private Bridge bridgeFor(
        int opcode, String owner, String member, String desc, boolean itf, int line, String in) {
      if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
        return null;
      }
      boolean change = collectionOwner(owner) && CHANGES.contains(member);
      boolean lock = owner.startsWith("java/util/concurrent/locks/") && LOCKING.contains(member);
      if (!change && !lock) {
        return null;
      }
      int site = -1;
      if (change) {
        synchronized (SITES) {
          site = SITES.size();
          SITES.add(
              new Site(
                  file,
                  line,
                  methodName(in),
                  owner.substring(owner.lastIndexOf('/') + 1) + "." + member));
        }
      }
      var bridge =
          new Bridge("course$copy$" + bridges.size(), opcode, owner, member, desc, itf, lock, site);
      bridges.add(bridge);
      return bridge;
    }

    private static String bridgeDescriptor(Bridge bridge) {
      var arguments = Type.getArgumentTypes(bridge.descriptor());
      var all = new Type[arguments.length + 1];
      all[0] = Type.getObjectType(bridge.owner());
      System.arraycopy(arguments, 0, all, 1, arguments.length);
      return Type.getMethodDescriptor(Type.getReturnType(bridge.descriptor()), all);
    }

    @Override
    public void visitEnd() {
      for (var bridge : bridges) {
        var descriptor = bridgeDescriptor(bridge);
        var code =
            super.visitMethod(
                Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bridge.name(),
                descriptor,
                null,
                null);
        code.visitCode();
        if (!bridge.lock()) {
          code.visitVarInsn(Opcodes.ALOAD, 0);
          code.visitLdcInsn(bridge.site());
          code.visitMethodInsn(
              Opcodes.INVOKESTATIC, SELF, "changing", "(Ljava/lang/Object;I)V", false);
        }
        int slot = 0;
        for (var type : Type.getArgumentTypes(descriptor)) {
          code.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
          slot += type.getSize();
        }
        code.visitMethodInsn(
            bridge.opcode(),
            bridge.owner(),
            bridge.member(),
            bridge.descriptor(),
            bridge.isInterface());
        if (bridge.lock()) {
          // Taken now (or not, for a tryLock that failed: the lock itself will say so).
          code.visitVarInsn(Opcodes.ALOAD, 0);
          code.visitMethodInsn(
              Opcodes.INVOKESTATIC, SELF, "locking", "(Ljava/lang/Object;)V", false);
        }
        code.visitInsn(Type.getReturnType(bridge.descriptor()).getOpcode(Opcodes.IRETURN));
        code.visitMaxs(0, 0);
        code.visitEnd();
      }
      super.visitEnd();
    }

    /** {@code lambda$claim$0} reads "a lambda in claim". */
    private static String methodName(String name) {
      if (name.startsWith("lambda$")) {
        var parts = name.split("\\$");
        return parts.length > 1 ? "a lambda in " + parts[1] : name;
      }
      return name;
    }
  }
}
