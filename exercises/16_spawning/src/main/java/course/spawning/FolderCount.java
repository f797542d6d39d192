package course.spawning;

import course.support.Folder;
import java.io.IOException;

/**
 * Exercise 16: tasks that spawn tasks. Read book/16_spawning.md first.
 *
 * <p>Until now the work was known before it started: a text, cut into chunks. Here it is found
 * while working. Opening a folder tells you which folders are inside it, and you only learn what is
 * inside those by opening them in turn. Nobody knows up front how many folders there are, how deep
 * the tree goes, or when the last one has been opened.
 *
 * <p>Given to you, in the support module: {@code course.support.Folder}, a folder that is slow to
 * open (its {@code open()} lists the subfolders and the texts of the files), and {@code
 * course.support.Chunks.countWords(text)}, the word counter. The tests implement {@code Folder}
 * themselves, so they see every folder you open: on which thread, and how many at once.
 */
public final class FolderCount {

  private FolderCount() {}

  /**
   * Counts the words in every file of {@code root} and of every folder below it, at any depth.
   *
   * <p><b>What is counted.</b> The words of the text of each file, counted with {@code
   * Chunks.countWords}, added up over every file of every folder of the tree. Empty folders and
   * empty or blank files add 0.
   *
   * <p><b>Who opens the folders.</b> Each folder is opened exactly once, on a worker thread, never
   * on the calling thread. Never more than {@code nThreads} folders are being opened at the same
   * time. A folder is opened as soon as it has been found and a worker is free: folders found in
   * the same listing do not wait for each other, and a folder does not wait for the folders below
   * its neighbours.
   *
   * <p><b>Any tree.</b> It works on a tree of any depth and width, with any {@code nThreads >= 1}:
   * a tree much deeper than {@code nThreads}, or a folder with more subfolders than {@code
   * nThreads}, must finish as surely as a small one.
   *
   * <p><b>When it returns.</b> Only once every folder of the tree has been opened and every file
   * counted, and once every worker thread it used has ended: nothing of it is still running, or
   * waiting for work, afterwards. This holds on every path, a failure or an interrupt too.
   *
   * <p><b>When a folder cannot be opened</b> ({@code open()} throws {@link IOException}), {@code
   * count} throws an {@code IOException}: that one, or one whose cause is that one. It throws only
   * once every task it started has ended. Folders not opened yet need not be opened.
   *
   * <p><b>When the calling thread is interrupted</b> while {@code count} runs, it stops its workers
   * (a worker inside {@code open()} is interrupted), waits until every one of them has ended, and
   * throws {@link InterruptedException}.
   *
   * @param root the top of the tree
   * @param nThreads how many folders may be opened at once; at least 1
   * @return the number of words in all the files of the tree
   * @throws NullPointerException if {@code root} is null
   * @throws IllegalArgumentException if {@code nThreads < 1}
   * @throws IOException if a folder of the tree could not be opened: that exception, or one whose
   *     cause it is
   * @throws InterruptedException if the calling thread was interrupted while counting
   */
  public static long count(Folder root, int nThreads) throws IOException, InterruptedException {
    // TODO: check the arguments; open the root on a worker, and hand every subfolder a listing
    //       reveals to a worker of its own, without waiting for the folders around it
    //       (book/16_spawning.md, "Work that finds work", "Waiting inside the pool").
    // TODO: know when the last folder has been opened: every task that is still to run, or still
    //       running, must be accounted for ("When is it over?", "Closing the pool too early").
    // TODO: bring a failure from deep in the tree back to the caller, and on every path wait until
    //       every worker has ended before you return or throw ("A failure far from home").
    throw new UnsupportedOperationException(
        "TODO: count the words of the whole folder tree with tasks that spawn tasks");
  }
}
