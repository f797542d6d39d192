import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chapter 11: lost updates you can watch. Two threads each add 1 to a shared long a million times,
 * then each counts a million votes into a shared map with a check-then-put. Run it with
 * {@code java book/code/LostUpdates.java} (JDK 21+; no build needed). The numbers differ from run
 * to run and from machine to machine: that is the point.
 */
public class LostUpdates {

  static long count; // shared, no lock, not volatile

  public static void main(String[] args) throws InterruptedException {
    int perThread = 1_000_000;

    Runnable increment =
        () -> {
          for (int i = 0; i < perThread; i++) {
            count++; // read, add 1, write back: three steps
          }
        };
    runTwice(increment);
    System.out.printf("count++        : expected %,d, got %,d%n", 2L * perThread, count);

    for (var votes : new Map[] {new HashMap<String, Long>(), new ConcurrentHashMap<String, Long>()}) {
      @SuppressWarnings("unchecked")
      Map<String, Long> tally = votes;
      Runnable vote =
          () -> {
            for (int i = 0; i < perThread; i++) {
              String candidate = (i % 2 == 0) ? "ada" : "grace";
              Long old = tally.get(candidate); // check...
              tally.put(candidate, old == null ? 1 : old + 1); // ...then act
            }
          };
      runTwice(vote);
      long total = tally.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf(
          "check-then-put on a %-17s: expected %,d votes, got %,d%n",
          votes.getClass().getSimpleName(), 2L * perThread, total);
    }
  }

  private static void runTwice(Runnable work) throws InterruptedException {
    var first = Thread.ofPlatform().start(work);
    var second = Thread.ofPlatform().start(work);
    first.join();
    second.join();
  }
}
