import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Two bank accounts, two transfers in opposite directions, one deadlock, every time: a program to
 * take a thread dump of (book/13_deadlock.md, "Reading a thread dump").
 *
 * <pre>
 * java book/code/DeadlockDemo.java            # the accounts are guarded by synchronized
 * java book/code/DeadlockDemo.java locks      # ... by a ReentrantLock each
 * jcmd &lt;pid&gt; Thread.print                     # in another terminal, with the pid it prints
 * </pre>
 *
 * <p>A latch makes each transfer wait, holding the first account, until the other transfer holds
 * its first account too, so the deadlock does not depend on luck. Stop it with Ctrl-C.
 */
public class DeadlockDemo {

  static final CountDownLatch BOTH_HOLD_ONE = new CountDownLatch(2);

  /** An account guarded by its own monitor: transferTo locks this, then the target. */
  static final class Account {
    final String name;
    long balance;

    Account(String name, long balance) {
      this.name = name;
      this.balance = balance;
    }

    void transferTo(Account target, long amount) throws InterruptedException {
      synchronized (this) {
        holdOneThenWaitForTheOther();
        synchronized (target) {
          balance -= amount;
          target.balance += amount;
        }
      }
    }
  }

  /** The same account guarded by a ReentrantLock: the dump then shows "ownable synchronizers". */
  static final class LockedAccount {
    final String name;
    final ReentrantLock lock = new ReentrantLock();
    long balance;

    LockedAccount(String name, long balance) {
      this.name = name;
      this.balance = balance;
    }

    void transferTo(LockedAccount target, long amount) throws InterruptedException {
      lock.lock();
      try {
        holdOneThenWaitForTheOther();
        target.lock.lock();
        try {
          balance -= amount;
          target.balance += amount;
        } finally {
          target.lock.unlock();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  static void holdOneThenWaitForTheOther() throws InterruptedException {
    BOTH_HOLD_ONE.countDown();
    BOTH_HOLD_ONE.await();
  }

  public static void main(String[] args) throws InterruptedException {
    boolean locks = args.length > 0 && args[0].equals("locks");
    Runnable aliceToBob;
    Runnable bobToAlice;
    if (locks) {
      var alice = new LockedAccount("alice", 100);
      var bob = new LockedAccount("bob", 100);
      aliceToBob = () -> run(() -> alice.transferTo(bob, 10));
      bobToAlice = () -> run(() -> bob.transferTo(alice, 20));
    } else {
      var alice = new Account("alice", 100);
      var bob = new Account("bob", 100);
      aliceToBob = () -> run(() -> alice.transferTo(bob, 10));
      bobToAlice = () -> run(() -> bob.transferTo(alice, 20));
    }
    var first = Thread.ofPlatform().name("transfer alice->bob").start(aliceToBob);
    var second = Thread.ofPlatform().name("transfer bob->alice").start(bobToAlice);
    BOTH_HOLD_ONE.await();
    System.out.printf(
        "pid %d: both transfers hold one account and wait for the other (%s).%n"
            + "Take a thread dump: jcmd %d Thread.print   (or: jstack %d). Ctrl-C to stop.%n",
        ProcessHandle.current().pid(),
        locks ? "ReentrantLock" : "synchronized",
        ProcessHandle.current().pid(),
        ProcessHandle.current().pid());
    first.join();
    second.join();
  }

  interface Transfer {
    void run() throws InterruptedException;
  }

  static void run(Transfer transfer) {
    try {
      transfer.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
