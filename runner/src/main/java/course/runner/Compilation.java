package course.runner;

import com.sun.source.util.JavacTask;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in this JVM with {@code javax.tools}, with the options the course's Maven
 * build uses ({@code --release 21}, UTF-8), and copies resources beside the classes.
 */
public final class Compilation {

  /**
   * One error of the compiler, as javac prints it: where it is, what it says (every line: "cannot
   * find symbol", then "symbol: ..." and "location: ..."), the source line and the column the caret
   * points at (1-based; 0 when unknown).
   */
  public record Error(Path file, long line, String message, String sourceLine, long column) {
    public Error(Path file, long line, String message, String sourceLine) {
      this(file, line, message, sourceLine, 0);
    }

    /** The message's first line: "cannot find symbol". */
    public String summary() {
      return message.lines().findFirst().orElse("");
    }

    /** The source line without its indentation, and a caret line under the column, as javac. */
    public List<String> sourceAndCaret() {
      if (sourceLine.isEmpty()) {
        return List.of();
      }
      var line = sourceLine.replace('\t', ' ');
      int indent = line.length() - line.stripLeading().length();
      var shown = line.strip();
      if (column <= 0 || column - 1 < indent) {
        return List.of(shown);
      }
      return List.of(shown, " ".repeat((int) column - 1 - indent) + "^");
    }
  }

  /**
   * What a compilation gave: its errors, in the compiler's order, or (when it compiled) a
   * fingerprint of the API of the compiled classes, which tells whether code compiled against them
   * must be compiled again.
   */
  public record Result(List<Error> errors, String api) {
    /** The first error, if any. */
    public Optional<Error> error() {
      return errors.isEmpty() ? Optional.empty() : Optional.of(errors.getFirst());
    }
  }

  /**
   * One file manager for every compilation of this JVM: it keeps the jars of the classpath open, so
   * that watch mode's next compilation does not read their indexes again (most of a small
   * compilation's time otherwise). The diagnostics go to each task's own listener.
   */
  private static final SharedFileManager FILE_MANAGER = new SharedFileManager();

  private static final class SharedFileManager {
    private StandardJavaFileManager fileManager;

    StandardJavaFileManager get(JavaCompiler compiler) {
      if (fileManager == null) {
        fileManager = compiler.getStandardFileManager(null, Locale.ENGLISH, StandardCharsets.UTF_8);
      }
      return fileManager;
    }
  }

  private Compilation() {}

  /**
   * Compiles every {@code .java} file under {@code sources} into a fresh {@code output}, against
   * {@code classpath}, then copies the files of {@code resources} (if it exists) into it.
   */
  public static Result compile(Path sources, Path resources, List<Path> classpath, Path output) {
    var compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("This Java has no compiler: the course needs a JDK.");
    }
    FileOperations.recreate(output);
    var files =
        Fingerprint.filesUnder(List.of(sources)).stream()
            .filter(file -> file.toString().endsWith(".java"))
            .toList();
    var api = new ApiFingerprint();
    if (!files.isEmpty()) {
      var diagnostics = new DiagnosticCollector<JavaFileObject>();
      synchronized (FILE_MANAGER) {
        var options =
            List.of(
                "--release",
                "21",
                "-encoding",
                "UTF-8",
                "-proc:none",
                "-nowarn",
                "-Xlint:none",
                "-d",
                output.toString(),
                "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        var fileManager = FILE_MANAGER.get(compiler);
        var units = fileManager.getJavaFileObjectsFromPaths(files);
        var task =
            (JavacTask) compiler.getTask(null, fileManager, diagnostics, options, null, units);
        task.addTaskListener(api);
        if (!task.call()) {
          return new Result(errors(diagnostics.getDiagnostics()), "");
        }
      }
    }
    copyResources(resources, output);
    return new Result(List.of(), api.digest());
  }

  private static List<Error> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    var errors = new ArrayList<Error>();
    for (var error : diagnostics) {
      if (error.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      var source = error.getSource();
      Path file = source == null ? null : Path.of(source.toUri());
      var message = error.getMessage(Locale.ENGLISH).stripTrailing();
      var sourceLine = "";
      if (file != null && error.getLineNumber() > 0) {
        try {
          var lines = Files.readAllLines(file);
          sourceLine = lines.get((int) error.getLineNumber() - 1);
        } catch (IOException | IndexOutOfBoundsException e) {
          sourceLine = "";
        }
      }
      errors.add(
          new Error(
              file,
              error.getLineNumber(),
              message,
              sourceLine,
              Math.max(0, error.getColumnNumber())));
    }
    return List.copyOf(errors);
  }

  private static void copyResources(Path resources, Path output) {
    for (var file : Fingerprint.filesUnder(List.of(resources))) {
      var target = output.resolve(resources.relativize(file).toString());
      try {
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Lists every class file under {@code folder}, as paths relative to it. */
  static List<String> classFiles(Path folder) {
    var names = new ArrayList<String>();
    for (var file : Fingerprint.filesUnder(List.of(folder))) {
      if (file.toString().endsWith(".class")) {
        names.add(folder.relativize(file).toString().replace('\\', '/'));
      }
    }
    return names;
  }
}
