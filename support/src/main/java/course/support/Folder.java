package course.support;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A folder of text files that is slow to open, as a directory on a network drive would be.
 *
 * <p>{@link #open()} lists the folder: its subfolders, and the texts of its files. It blocks the
 * calling thread while it waits for the answer, and it may fail with an {@link IOException}, as a
 * drive that goes away would. Each call of {@code open()} may come from any thread, and different
 * folders may be opened at the same time.
 *
 * <p>Chapter 16's tests implement this interface in their own code, so they see every {@code
 * open()}: on which thread, and how many at the same time.
 */
public interface Folder {

  /** The folder's name, for messages. */
  String name();

  /**
   * Lists the folder. Slow: it waits for the drive, as a directory listing over the network does.
   *
   * @return the folder's subfolders and the texts of its files
   * @throws IOException if the folder cannot be read
   */
  Listing open() throws IOException;

  /**
   * What {@link #open()} found in a folder.
   *
   * @param subfolders the folders directly inside it, not opened yet
   * @param files the texts of the files directly inside it
   */
  record Listing(List<Folder> subfolders, List<String> files) {

    /**
     * Copies both lists, so a listing cannot change after it is made.
     *
     * @throws NullPointerException if either list, or anything in it, is null
     */
    public Listing {
      subfolders = List.copyOf(Objects.requireNonNull(subfolders, "subfolders must not be null"));
      files = List.copyOf(Objects.requireNonNull(files, "files must not be null"));
    }
  }
}
