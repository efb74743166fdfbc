package dev.wrkr.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, kept by tests. */
class ArchitectureTest {
  private static JavaClasses classes;

  private static final String[] ADAPTERS = {
    "dev.wrkr.store.jdbc..", "dev.wrkr.store.sqlite..", "dev.wrkr.store.postgres.."
  };

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.wrkr");
  }

  @Test
  void only_the_composition_root_should_touch_store_adapters() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.wrkr.app..", "dev.wrkr.store.jdbc..", "dev.wrkr.store.sqlite..",
            "dev.wrkr.store.postgres..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void edges_should_not_reach_into_the_composition_root() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.wrkr.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.wrkr.app..")
        .check(classes);
  }

  @Test
  void the_domain_should_not_depend_on_edges_stores_or_services() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.wrkr.job..", "dev.wrkr.codec..", "dev.wrkr.failure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.wrkr.store..", "dev.wrkr.cli..", "dev.wrkr.dispatch..", "dev.wrkr.app..",
            "java.sql..", "java.net..")
        .check(classes);
  }

  @Test
  void ports_should_not_depend_on_their_adapters() {
    noClasses()
        .that()
        .resideInAPackage("dev.wrkr.store")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS)
        .check(classes);
  }

  @Test
  void domain_and_services_should_not_read_the_clock_or_the_environment() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.wrkr.job..", "dev.wrkr.dispatch..", "dev.wrkr.cli..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .check(classes);
  }

  @Test
  void there_should_be_no_grab_bag_packages() {
    noClasses()
        .should()
        .resideInAnyPackage("..util..", "..utils..", "..common..", "..exceptions..", "..helpers..")
        .check(classes);
  }
}
