package course.sequential;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.CacheMode;
import com.tngtech.archunit.lang.ArchRule;
import course.support.testing.ExerciseClasses;

@AnalyzeClasses(
    locations = ExerciseClasses.class,
    importOptions = ImportOption.DoNotIncludeTests.class,
    cacheMode = CacheMode.PER_CLASS)
class WritesItsOwnCodeTest {

  @ArchTest
  static final ArchRule counts_and_splits_without_the_course_support_code =
      noClasses()
          .that()
          .resideInAPackage("course.sequential")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("course.support..")
          .because(
              "chapter 01 asks you to write the counting and the splitting yourself; "
                  + "course.support.Chunks is chapter 01's answer, given from chapter 02 on");
}
