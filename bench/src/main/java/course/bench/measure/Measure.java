package course.bench.measure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The course's measurement programs, listed once: {@code bench/measure.sh} with no name prints this
 * list, {@code bench/measure.sh NAME [args]} runs one. The book's measured figures come from these
 * programs; the word-count benchmark itself is {@code bench/run.sh} (JMH).
 */
public final class Measure {

  /** What a program's {@code main} does with its arguments. */
  @FunctionalInterface
  interface Entry {
    void run(String[] args) throws Exception;
  }

  /**
   * One program.
   *
   * @param name what to type after {@code bench/measure.sh}
   * @param arguments its optional arguments, as the list shows them
   * @param quotedIn the page that quotes its figures
   * @param measures what it measures, in one line
   * @param entry its main
   */
  record Program(String name, String arguments, String quotedIn, String measures, Entry entry) {}

  static final List<Program> PROGRAMS =
      List.of(
          new Program(
              "child-cost",
              "[runs] [MB ...]",
              "book/02_processes.md",
              "what a child JVM costs: start-up, a pipe, two children",
              ChildCost::main),
          new Program(
              "gil",
              "[words]",
              "book/04_globallock.md",
              "the global lock's price, Java and CPython, 1 thread vs 2",
              GlobalLockCost::main),
          new Program(
              "parallel-pays",
              "[largest text, words]",
              "book/09_forkjoin.md",
              "when a parallel stream pays, 100 to 1,000,000 words",
              WhenParallelPays::main),
          new Program(
              "virtual-vs-platform",
              "[runs]",
              "book/10_virtualthreads.md",
              "1,000 sources on virtual threads and on platform pools",
              VirtualVsPlatform::main),
          new Program(
              "crawl-times",
              "[runs]",
              "book/17_outro.md",
              "a crawl of the test site, one and several requests at once",
              CrawlTimes::main),
          new Program(
              "bench-table",
              "wordcount.csv ...",
              "book/bench.md",
              "the benchmark's table from several runs of bench/run.sh",
              BenchTable::main),
          new Program(
              "runs",
              "< label: n n n",
              "README.md",
              "medians of times read from stdin (runner/measure.sh)",
              RunMedians::main));

  private Measure() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("list") || args[0].equals("--help")) {
      list();
      return;
    }
    var program = find(args[0]);
    if (program.isEmpty()) {
      System.err.printf("bench/measure.sh: no program named '%s'. The programs:%n", args[0]);
      list();
      System.exit(2);
    }
    program.get().entry().run(Arrays.copyOfRange(args, 1, args.length));
  }

  static Optional<Program> find(String name) {
    return PROGRAMS.stream().filter(program -> program.name().equals(name)).findFirst();
  }

  private static void list() {
    System.out.println("bench/measure.sh NAME [arguments], one of:");
    for (var program : PROGRAMS) {
      System.out.printf(
          "  %-38s %s (%s)%n",
          program.name() + " " + program.arguments(), program.measures(), program.quotedIn());
    }
    System.out.println(
        "Add --mine before NAME to measure your exercises instead of the solutions.");
  }
}
