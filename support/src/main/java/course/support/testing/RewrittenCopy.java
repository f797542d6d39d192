package course.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * A fresh copy of the learner's classes: the classes of one package, read from their class folder
 * and rewritten on the way in (with ASM), loaded child-first so that the copy, not the original,
 * runs; every other class comes from the usual class loader. {@link ForcedInterleaving} puts pause
 * points into its copy, {@link LearnerCopy} reports what its copy changes.
 */
final class RewrittenCopy {

  private final ClassLoader copy;

  private RewrittenCopy(ClassLoader copy) {
    this.copy = copy;
  }

  /**
   * A copy of the classes of {@code anchor}'s package that sit in its class folder.
   *
   * @param anchor one of the learner's classes
   * @param name the copy's class loader's name, as stack traces show it
   * @param rewrite what to do to each class file
   * @throws IllegalStateException when the classes are not in a folder
   */
  static RewrittenCopy of(Class<?> anchor, String name, UnaryOperator<byte[]> rewrite) {
    return new RewrittenCopy(
        new CopyLoader(
            name, classFolder(anchor), anchor.getPackageName(), anchor.getClassLoader(), rewrite));
  }

  /** The copy of {@code type}, loaded and initialised afresh. */
  Class<?> copyOf(Class<?> type) {
    try {
      return Class.forName(type.getName(), true, copy);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no copy of " + type.getName(), e);
    }
  }

  /**
   * A call of the static method {@code name} of {@code type}'s copy (of any access, the only one of
   * that name with as many parameters) with {@code args}. What the method throws, the call throws.
   */
  @SuppressWarnings("unchecked")
  <R> Callable<R> staticCall(Class<?> type, String name, Object... args) {
    var method =
        Arrays.stream(copyOf(type).getDeclaredMethods())
            .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
            .findFirst()
            .orElseThrow(
                () -> new AssertionError("%s.%s is missing".formatted(type.getSimpleName(), name)));
    method.setAccessible(true);
    return () -> {
      try {
        return (R) method.invoke(null, args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof Exception cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    };
  }

  private static Path classFolder(Class<?> anchor) {
    try {
      var source = anchor.getProtectionDomain().getCodeSource();
      var root = source == null ? null : Path.of(source.getLocation().toURI());
      if (root == null || !Files.isDirectory(root)) {
        throw new IllegalStateException(anchor.getName() + " is not loaded from a class folder");
      }
      return root;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Loads the learner's classes from their folder, rewritten; everything else as usual. */
  private static final class CopyLoader extends ClassLoader {
    private final Path root;
    private final String packagePrefix;
    private final UnaryOperator<byte[]> rewrite;

    CopyLoader(
        String name,
        Path root,
        String packageName,
        ClassLoader parent,
        UnaryOperator<byte[]> rewrite) {
      super(name, parent);
      this.root = root;
      this.packagePrefix = packageName + ".";
      this.rewrite = rewrite;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        var loaded = findLoadedClass(name);
        if (loaded == null) {
          var file = root.resolve(name.replace('.', '/') + ".class");
          if (!name.startsWith(packagePrefix) || !Files.isRegularFile(file)) {
            return super.loadClass(name, resolve);
          }
          try {
            var bytes = rewrite.apply(Files.readAllBytes(file));
            loaded = defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        if (resolve) {
          resolveClass(loaded);
        }
        return loaded;
      }
    }
  }
}
