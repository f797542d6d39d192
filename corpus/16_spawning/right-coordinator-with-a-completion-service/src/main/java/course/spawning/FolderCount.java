package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

public final class FolderCount {

  private FolderCount() {}

  private record Visited(List<Folder> subfolders, long words) {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    Objects.requireNonNull(root, "root");
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads < 1");
    }
    var pool = Executors.newFixedThreadPool(nThreads);
    var done = new ExecutorCompletionService<Visited>(pool);
    try {
      int inFlight = 0;
      long total = 0;
      IOException failure = null;
      done.submit(() -> visit(root));
      inFlight++;
      while (inFlight > 0) {
        var next = done.take();
        inFlight--;
        try {
          var visited = next.get();
          total += visited.words();
          if (failure == null) {
            for (var sub : visited.subfolders()) {
              done.submit(() -> visit(sub));
              inFlight++;
            }
          }
        } catch (ExecutionException e) {
          if (failure == null) {
            failure =
                e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
          }
        }
      }
      if (failure != null) {
        throw failure;
      }
      return total;
    } finally {
      pool.shutdownNow();
      while (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        // still stopping
      }
    }
  }

  private static Visited visit(Folder folder) throws IOException {
    var listing = folder.open();
    long words = 0;
    for (var text : listing.files()) {
      words += Chunks.countWords(text);
    }
    return new Visited(listing.subfolders(), words);
  }
}
