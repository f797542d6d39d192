package course.runner;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Tells when a file the learner may save changes: the exercises and the support code.
 *
 * <p>Two ways at once: the operating system's file events ({@link WatchService}), which are instant
 * on Linux, and a poll of every file's size and modification time every {@link #POLL_MILLIS} ms,
 * for the places where events are slow or missed (macOS, network and container mounts, editors that
 * replace files). {@code COURSE_WATCH=poll} uses the poll only.
 */
final class FileWatcher {

  /** How often the poll looks at the files. */
  static final long POLL_MILLIS = 250;

  private final List<Path> folders;
  private final Runnable onChange;

  /**
   * Calls {@code onChange} (from a background thread) when a file under {@code folders} changes.
   */
  FileWatcher(List<Path> folders, Runnable onChange) {
    this.folders = folders;
    this.onChange = onChange;
  }

  /** Starts watching, on daemon threads that end with the JVM. */
  void start() {
    if (!"poll".equals(System.getenv("COURSE_WATCH"))) {
      Thread.ofPlatform().daemon().name("course-file-events").start(this::listenToEvents);
    }
    Thread.ofPlatform().daemon().name("course-file-poll").start(this::poll);
  }

  /** A cheap summary of the files: their paths, sizes and modification times. */
  String snapshot() {
    return Fingerprint.filesUnder(folders).stream()
        .map(
            file -> {
              try {
                return file
                    + " "
                    + Files.size(file)
                    + " "
                    + Files.getLastModifiedTime(file).toMillis();
              } catch (IOException e) {
                return file + " gone";
              }
            })
        .collect(Collectors.joining("\n"));
  }

  private void poll() {
    var last = snapshot();
    while (true) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      var now = snapshot();
      if (!Objects.equals(now, last)) {
        last = now;
        onChange.run();
      }
    }
  }

  private void listenToEvents() {
    try (WatchService service = FileSystems.getDefault().newWatchService()) {
      for (var folder : folders) {
        register(service, folder);
      }
      while (true) {
        var key = service.take();
        for (var event : key.pollEvents()) {
          if (event.kind() == ENTRY_CREATE && event.context() instanceof Path name) {
            var created = ((Path) key.watchable()).resolve(name);
            if (Files.isDirectory(created)) {
              register(service, created);
            }
          }
        }
        key.reset();
        onChange.run();
      }
    } catch (IOException | ClosedWatchServiceException | UnsupportedOperationException e) {
      // No file events here: the poll still sees every change.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void register(WatchService service, Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (var dirs = Files.walk(folder)) {
      for (var dir :
          dirs.filter(Files::isDirectory).filter(d -> !d.toString().contains("/target")).toList()) {
        dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
      }
    }
  }
}
