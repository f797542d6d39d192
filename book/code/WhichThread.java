import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Which thread runs each stage of a CompletableFuture, and what a join() inside a stage does to a
 * small pool: the two demonstrations of book/14_futures.md. Run it with {@code java
 * book/code/WhichThread.java} (JDK 21 or later); it needs nothing else.
 */
public class WhichThread {

  static String here() {
    return Thread.currentThread().getName();
  }

  /** A stand-in for a slow remote call: a price in cents, after 100 ms. */
  static long fetchPrice(String item) {
    sleep(100);
    return 1_250;
  }

  public static void main(String[] args) throws Exception {
    System.out.println(
        "common pool parallelism: " + java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
    try (ExecutorService shop = Executors.newFixedThreadPool(2, named("shop-"))) {
      var defaultPool = CompletableFuture.supplyAsync(WhichThread::here);
      System.out.println("supplyAsync(fn)                 runs on " + defaultPool.join());

      var given = CompletableFuture.supplyAsync(WhichThread::here, shop);
      System.out.println("supplyAsync(fn, shop)           runs on " + given.join());

      var pending = CompletableFuture.supplyAsync(() -> fetchPrice("tea"), shop);
      System.out.println(
          "thenApply on a pending future   runs on " + pending.thenApply(p -> here()).join());

      var done = CompletableFuture.completedFuture(1_250L);
      System.out.println(
          "thenApply on a done future      runs on " + done.thenApply(p -> here()).join());

      System.out.println(
          "thenApplyAsync(fn, shop)        runs on "
              + done.thenApplyAsync(p -> here(), shop).join());
    }

    // A pool of one thread. The first task's stage waits with join() for the second task, which
    // sits in the queue behind it, waiting for the only thread: neither ever finishes.
    try (ExecutorService one = Executors.newFixedThreadPool(1, named("one-"))) {
      var tea = CompletableFuture.supplyAsync(() -> fetchPrice("tea"), one);
      var cake = CompletableFuture.supplyAsync(() -> fetchPrice("cake"), one);
      var bill = tea.thenApply(t -> t + cake.join()); // join() inside a stage
      try {
        System.out.println("bill: " + bill.get(2, TimeUnit.SECONDS));
      } catch (TimeoutException e) {
        System.out.println("bill: not done after 2 s; the pool's thread is " + state(one));
        cake.complete(0L); // unblock the stage so that the pool can close
      }
    }
  }

  private static String state(ExecutorService pool) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("one-"))
        .map(
            t ->
                t.getState()
                    + " in "
                    + java.util.Arrays.stream(t.getStackTrace())
                        .filter(frame -> frame.getMethodName().equals("join"))
                        .findFirst()
                        .map(frame -> frame.getClassName() + "." + frame.getMethodName() + "()")
                        .orElse("?"))
        .findFirst()
        .orElse("gone");
  }

  private static java.util.concurrent.ThreadFactory named(String prefix) {
    return Thread.ofPlatform().name(prefix, 1).factory();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
