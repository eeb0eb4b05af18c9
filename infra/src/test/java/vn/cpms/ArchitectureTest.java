package vn.cpms;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of CONVENTIONS.md, checked on the compiled classes. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.cpms");
  }

  @Test
  void the_shared_kernel_knows_no_spring_no_persistence_and_no_other_module() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.kernel..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "java.sql..",
            "javax.sql..",
            "jakarta.persistence..",
            "vn.cpms.command..",
            "vn.cpms.query..",
            "vn.cpms.infra..")
        .check(classes);
  }

  @Test
  void the_command_side_never_reads_projections_nor_touches_web_or_jdbc() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.command..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "vn.cpms.query..",
            "vn.cpms.infra..",
            "org.springframework.web..",
            "org.springframework.jdbc..",
            "java.sql..",
            "javax.sql..")
        .check(classes);
  }

  @Test
  void the_query_side_never_touches_aggregates_nor_web() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "vn.cpms.command..",
            "vn.cpms.infra..",
            "org.springframework.web..",
            "org.axonframework.modelling.command..",
            "org.axonframework.eventsourcing..")
        .check(classes);
  }

  @Test
  void controllers_talk_to_the_gateways_only_never_to_aggregates_or_projections() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.infra.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("vn.cpms.command..", "vn.cpms.query..")
        .check(classes);
  }

  @Test
  void web_pages_talk_to_the_gateways_only_never_to_aggregates_or_projections() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.infra.ui..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("vn.cpms.command..", "vn.cpms.query..")
        .check(classes);
  }

  @Test
  void every_event_carries_a_revision() {
    classes()
        .that()
        .resideInAPackage("vn.cpms.kernel..")
        .and()
        .haveSimpleNameEndingWith("Event")
        .and()
        .areNotInterfaces()
        .should()
        .beAnnotatedWith(org.axonframework.serialization.Revision.class)
        .check(classes);
  }

  @Test
  void commands_events_queries_and_values_are_records() {
    classes()
        .that()
        .resideInAPackage("vn.cpms.kernel..")
        .and()
        .haveSimpleNameEndingWith("Command")
        .or()
        .haveSimpleNameEndingWith("Event")
        .and()
        .areNotInterfaces()
        .or()
        .haveSimpleNameEndingWith("Query")
        .should()
        .beRecords()
        .check(classes);
  }
}
