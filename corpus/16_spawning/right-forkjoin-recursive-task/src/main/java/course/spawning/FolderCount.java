package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException("root");
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads must be >= 1");
    }
    var pool = new ForkJoinPool(nThreads);
    try {
      return pool.submit(new FolderTask(root)).get();
    } catch (ExecutionException e) {
      var cause = e.getCause();
      if (cause instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    } finally {
      pool.shutdownNow();
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // wait
      }
    }
  }

  private static final class FolderTask extends RecursiveTask<Long> {
    private final Folder folder;

    FolderTask(Folder folder) {
      this.folder = folder;
    }

    @Override
    protected Long compute() {
      Folder.Listing listing;
      try {
        listing = folder.open();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      var children = new ArrayList<FolderTask>();
      for (var sub : listing.subfolders()) {
        var task = new FolderTask(sub);
        task.fork();
        children.add(task);
      }
      long words = 0;
      for (var text : listing.files()) {
        words += Chunks.countWords(text);
      }
      for (var child : children) {
        words += child.join();
      }
      return words;
    }
  }
}
