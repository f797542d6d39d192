package course.spawning;

import course.support.Chunks;
import course.support.Folder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

public final class FolderCount {

  private FolderCount() {}

  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    if (root == null) {
      throw new NullPointerException("root");
    }
    if (nThreads < 1) {
      throw new IllegalArgumentException("nThreads");
    }
    ExecutorService pool = Executors.newFixedThreadPool(nThreads);
    try {
      long total = 0;
      List<Folder> level = List.of(root);
      while (!level.isEmpty()) {
        List<Callable<Folder.Listing>> opens = new ArrayList<>();
        for (Folder folder : level) {
          opens.add(folder::open);
        }
        List<Folder> next = new ArrayList<>();
        for (Future<Folder.Listing> opened : pool.invokeAll(opens)) {
          Folder.Listing listing;
          try {
            listing = opened.get();
          } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
          }
          for (String text : listing.files()) {
            total += Chunks.countWords(text);
          }
          next.addAll(listing.subfolders());
        }
        level = next;
      }
      return total;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }
}
