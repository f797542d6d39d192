package course.immutable;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.CacheMode;
import com.tngtech.archunit.lang.ArchRule;
import course.support.testing.ExerciseClasses;

/** The shape of an immutable type, checked on the compiled Rectangle. */
@AnalyzeClasses(
    locations = ExerciseClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class,
    cacheMode = CacheMode.PER_CLASS)
class RectangleShapeTest {

  @ArchTest
  static final ArchRule rectangle_is_final =
      classes()
          .that()
          .haveFullyQualifiedName("course.immutable.Rectangle")
          .should()
          .haveModifier(JavaModifier.FINAL)
          .because(
              "a subclass of a non-final Rectangle could add state that changes; make it "
                  + "a record (records are final) or declare it final");

  @ArchTest
  static final ArchRule rectangle_fields_are_private_and_final =
      fields()
          .that()
          .areDeclaredIn(Rectangle.class)
          .and()
          .areNotStatic()
          .should()
          .beFinal()
          .andShould()
          .bePrivate()
          .because(
              "a field that is not final can be reassigned after construction, and one that "
                  + "is not private can be reassigned by anyone; a record's fields are both");

  @ArchTest
  static final ArchRule rectangle_has_no_setters =
      noMethods()
          .that()
          .areDeclaredIn(Rectangle.class)
          .should()
          .haveNameMatching("set[A-Z].*")
          .because(
              "an immutable object is never changed: return a new Rectangle (withWidth, "
                  + "withTag) instead of setting a field");
}
