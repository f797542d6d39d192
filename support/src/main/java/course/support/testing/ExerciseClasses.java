package course.support.testing;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where ArchUnit finds the classes an exercise's structural tests check: the folders that hold the
 * test class's package, and nothing else. Use it as {@code @AnalyzeClasses(locations =
 * ExerciseClasses.class, importOptions = ImportOption.DoNotIncludeTests.class)}.
 *
 * <p>Why not {@code @AnalyzeClasses(packages = "course.topic")}: to find a package, ArchUnit reads
 * the list of entries of every jar on the classpath and of every module of the JDK, on every run.
 * The runner gives each check a fresh class loader, so nothing of that is kept: measured on
 * exercise 01's stub, it was three quarters of the time its tests took. The package's folders are
 * found here with one class loader lookup; the classes they use are still resolved from the
 * classpath when a rule needs them.
 */
public final class ExerciseClasses implements LocationProvider {

  @Override
  public Set<Location> get(Class<?> testClass) {
    var folder = testClass.getPackageName().replace('.', '/');
    var locations = new LinkedHashSet<Location>();
    try {
      for (var url : Collections.list(testClass.getClassLoader().getResources(folder))) {
        if ("file".equals(url.getProtocol())) {
          locations.add(Location.of(url));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return locations;
  }
}
