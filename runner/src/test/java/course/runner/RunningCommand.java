package course.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A command started in a scratch copy and still running (watch, say): its output is read as it
 * comes, keys are typed on its input. Every wait has a time-out, and a wait that times out fails
 * with the output so far. Closing it ends the command and the processes it started.
 */
final class RunningCommand implements AutoCloseable {

  private final String command;
  private final Process process;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final Thread reader;

  private RunningCommand(String command, Process process) {
    this.command = command;
    this.process = process;
    this.reader =
        Thread.ofPlatform()
            .daemon()
            .name("output of " + command)
            .start(() -> copy(process.getInputStream()));
  }

  /**
   * Starts {@code command} in {@code dir} with the environment {@code env} (a null value removes a
   * variable). Its input is a pipe for {@link #type} when {@code keys}, else /dev/null.
   */
  static RunningCommand start(Path dir, Map<String, String> env, List<String> command, boolean keys)
      throws IOException {
    var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    if (!keys) {
      builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    }
    env.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    return new RunningCommand(String.join(" ", command) + " (in " + dir + ")", builder.start());
  }

  private void copy(InputStream in) {
    var buffer = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (output) {
          output.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // The process ended and closed its end: all it wrote is in.
    }
  }

  String output() {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }

  /** Types {@code keys} on the command's input (a pipe, or the terminal of script(1)). */
  void type(String keys) {
    try {
      process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(command + " no longer reads its input", e);
    }
  }

  /**
   * Waits until the output shows what {@code ready} looks for ({@code expected} says what, for the
   * message); fails when the command ends first or {@code within} passes.
   */
  void awaitOutput(String expected, Predicate<String> ready, Duration within)
      throws InterruptedException {
    long end = System.nanoTime() + within.toNanos();
    while (!ready.test(output())) {
      if (!process.isAlive()) {
        reader.join(5_000);
        if (ready.test(output())) {
          return;
        }
        fail(expected, "the command ended (exit status " + process.exitValue() + ") without it");
      }
      if (System.nanoTime() > end) {
        fail(expected + " within " + within.toSeconds() + " s", "not yet (output so far)");
      }
      Thread.sleep(20);
    }
  }

  /** Waits until the output contains {@code text}. */
  void awaitOutput(String text, Duration within) throws InterruptedException {
    awaitOutput("an output with \"" + text + "\"", output -> output.contains(text), within);
  }

  /** Waits for the command to end; after {@code within}, ends it and fails with its output. */
  CommandRun waitFor(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      stop();
      fail(
          "the command to end within " + within.toSeconds() + " s",
          "it still running, so the test stopped it");
    }
    reader.join(10_000);
    return new CommandRun(command, process.exitValue(), output());
  }

  void fail(String expected, String got) {
    new CommandRun(command, -1, output()).fail(expected, got);
  }

  private void stop() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    reader.join(5_000);
  }

  /** A failed test still ends its command, so that the next test has the machine. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
