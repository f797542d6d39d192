package course.spawning;

import course.support.Folder;
import course.support.testing.Texts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A tree of test folders on a pretend network drive that sees every {@link Folder#open()}: which
 * folder, on which thread, how many at the same time, and what the caller of {@code count} was
 * doing meanwhile. A folder can be given a {@link Hook}, which runs inside its {@code open()}: it
 * can hold the worker there, or make the open fail.
 */
final class Drive {

  /** What a folder's {@code open()} does before it answers, on the worker that opens it. */
  interface Hook {
    void during(Node node) throws IOException;
  }

  /** One folder of the drive. */
  final class Node implements Folder {
    private final String name;
    private final List<Node> subfolders = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private volatile Hook hook;

    private Node(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Listing open() throws IOException {
      return Drive.this.open(this);
    }

    @Override
    public String toString() {
      return "folder " + name;
    }

    /** Adds a subfolder with these files, and returns it. */
    Node folder(String child, String... texts) {
      var node = new Node(child);
      node.files.addAll(List.of(texts));
      subfolders.add(node);
      nodes.put(child, node);
      return node;
    }

    /** Adds files to this folder; returns it. */
    Node files(String... texts) {
      files.addAll(List.of(texts));
      return this;
    }

    /** What {@code open()} answers, without counting as an open: for the tests' own use. */
    Folder.Listing listed() {
      return new Folder.Listing(List.copyOf(subfolders), List.copyOf(files));
    }

    /** Its subfolders, for the tests' own use. */
    List<Node> subfolders() {
      return List.copyOf(subfolders);
    }

    /** Gives this folder a hook that runs inside its {@code open()}; returns it. */
    Node hook(Hook hook) {
      this.hook = hook;
      return this;
    }
  }

  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Node root;
  private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
  private final Set<Thread> openers = ConcurrentHashMap.newKeySet();
  private final Set<Thread> holding = ConcurrentHashMap.newKeySet();
  private final List<String> onCaller = new CopyOnWriteArrayList<>();
  private final AtomicInteger inside = new AtomicInteger();
  private final AtomicInteger mostInside = new AtomicInteger();
  private volatile Thread caller;
  private volatile boolean callEnded;

  Drive(String rootName, String... texts) {
    root = new Node(rootName);
    root.files.addAll(List.of(texts));
    nodes.put(rootName, root);
  }

  Node root() {
    return root;
  }

  Node node(String name) {
    return nodes.get(name);
  }

  private Folder.Listing open(Node node) throws IOException {
    var self = Thread.currentThread();
    if (self == caller) {
      onCaller.add(node.name);
    }
    openers.add(self);
    opens.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
    try {
      var hook = node.hook;
      if (hook != null) {
        holding.add(self);
        try {
          hook.during(node);
        } finally {
          holding.remove(self);
        }
      }
      return new Folder.Listing(List.copyOf(node.subfolders), List.copyOf(node.files));
    } finally {
      inside.decrementAndGet();
    }
  }

  // ---------------------------------------------------------------- the call

  /** Names the thread that calls {@code count}. */
  void callerIs(Thread thread) {
    caller = thread;
  }

  Thread caller() {
    return caller;
  }

  /** Notes that {@code count} has returned or thrown. */
  void callEnded() {
    callEnded = true;
  }

  boolean hasCallEnded() {
    return callEnded;
  }

  // ---------------------------------------------------------------- what was seen

  /** How many folders are being opened right now. */
  int inside() {
    return inside.get();
  }

  /** The most folders that were being opened at the same time. */
  int mostInside() {
    return mostInside.get();
  }

  /** Every thread that opened a folder. */
  Set<Thread> openers() {
    return Set.copyOf(openers);
  }

  /** The folders that were opened on the thread that called {@code count}. */
  List<String> openedOnCaller() {
    return List.copyOf(onCaller);
  }

  /** How many times the folder was opened. */
  int opens(String name) {
    var n = opens.get(name);
    return n == null ? 0 : n.get();
  }

  /** The folders of the tree never opened, in tree order. */
  List<String> neverOpened() {
    return nodes.keySet().stream().filter(n -> opens(n) == 0).toList();
  }

  /** The folders opened more than once, with how many times. */
  List<String> openedTwice() {
    return nodes.keySet().stream()
        .filter(n -> opens(n) > 1)
        .map(n -> n + " (" + opens(n) + " times)")
        .toList();
  }

  /** How many folders the tree has. */
  int size() {
    return nodes.size();
  }

  /** How many files the tree has. */
  int fileCount() {
    return nodes.values().stream().mapToInt(n -> n.files.size()).sum();
  }

  /** The words of every file, by the tests' own oracle. */
  long words() {
    return nodes.values().stream()
        .flatMap(n -> n.files.stream())
        .mapToLong(t -> Texts.words(t).size())
        .sum();
  }

  // ---------------------------------------------------------------- waiting inside a hook

  /**
   * Waits, inside a hook, until {@code until} holds or the call has ended or {@code millis} have
   * passed; returns what ended the wait.
   */
  Ending await(BooleanSupplier until, long millis) throws InterruptedIOException {
    long end = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      if (until.getAsBoolean()) {
        return Ending.CONDITION;
      }
      if (callEnded) {
        return Ending.CALL_ENDED;
      }
      if (System.nanoTime() - end > 0) {
        return Ending.TIME_OUT;
      }
      pause(2);
    }
  }

  /** What ended a wait in a hook. */
  enum Ending {
    CONDITION,
    CALL_ENDED,
    TIME_OUT
  }

  /**
   * Whether the caller of {@code count} waits and nothing of it is running: the caller is blocked,
   * its CPU time does not move, and every thread that opened a folder is either held in a hook or
   * not running, on three looks about 20 ms apart. Then the caller can only be waiting for a folder
   * that a hook holds. An interrupt of the looking thread is kept in its status.
   */
  boolean callerWaitsQuietly() {
    var caller = this.caller;
    if (caller == null || !quiet(caller)) {
      return false;
    }
    long cpu = cpuTime(caller);
    for (int look = 0; look < 2; look++) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // the hook's next pause throws
        return false;
      }
      if (!quiet(caller)) {
        return false;
      }
    }
    return cpuTime(caller) == cpu && !callEnded;
  }

  private boolean quiet(Thread caller) {
    if (!waiting(caller)) {
      return false;
    }
    var self = Thread.currentThread(); // the thread that looks: held by the test, not working
    for (var thread : openers) {
      if (thread != self
          && thread.getState() == Thread.State.RUNNABLE
          && !holding.contains(thread)) {
        return false;
      }
    }
    return true;
  }

  static boolean waiting(Thread thread) {
    var state = thread.getState();
    return state == Thread.State.WAITING
        || state == Thread.State.TIMED_WAITING
        || state == Thread.State.BLOCKED;
  }

  private static long cpuTime(Thread thread) {
    var bean = ManagementFactory.getThreadMXBean();
    return bean.isThreadCpuTimeSupported() ? bean.getThreadCpuTime(thread.threadId()) : 0;
  }

  /** Sleeps in a hook; an interrupt becomes the IOException a real drive would throw. */
  static void pause(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      var io = new InterruptedIOException("interrupted while the drive was answering");
      io.initCause(e);
      throw io;
    }
  }

  // ---------------------------------------------------------------- ready-made trees

  /** A chain {@code root -> d1 -> d2 -> ... -> d<depth>}, each folder with one file. */
  static Drive chain(int depth) {
    var drive = new Drive("d0", "the top of the chain");
    var node = drive.root();
    for (int i = 1; i <= depth; i++) {
      node = node.folder("d" + i, "folder " + i + " of the chain");
    }
    return drive;
  }

  /** A full tree: every folder has {@code width} subfolders, down to {@code depth}. */
  static Drive full(int width, int depth, long seed) {
    var drive = new Drive("t", Texts.generate(seed, 30));
    grow(drive.root(), "t", width, depth, seed);
    return drive;
  }

  private static void grow(Node node, String name, int width, int depth, long seed) {
    if (depth == 0) {
      return;
    }
    for (int i = 0; i < width; i++) {
      var childName = name + "." + i;
      var child = node.folder(childName, Texts.generate(seed + childName.hashCode(), 20 + i));
      grow(child, childName, width, depth - 1, seed);
    }
  }
}
