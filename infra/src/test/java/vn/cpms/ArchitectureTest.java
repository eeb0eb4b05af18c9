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

  /**
   * One door (issue 16): a page and a REST endpoint share one application service; a page never
   * calls a REST controller.
   */
  @Test
  void web_pages_never_call_rest_controllers() {
    noClasses()
        .that()
        .resideInAPackage("vn.cpms.infra.ui..")
        .should()
        .dependOnClassesThat()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .check(classes);
  }

  /**
   * One door (issue 16): a REST controller is HTTP in and out; it sends no command itself and reads
   * no user store, so every rule lives in the application service the pages use too.
   */
  @Test
  void rest_controllers_send_commands_only_through_an_application_service() {
    noClasses()
        .that()
        .areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
        .should()
        .dependOnClassesThat()
        .areAssignableTo(org.axonframework.commandhandling.gateway.CommandGateway.class)
        .check(classes);
  }

  /**
   * Every command goes through the one sender that audits it and follows its position, or is
   * explicitly the system's (the demo data) or a policy's (the child follows its case); every
   * message is stamped with its caller by {@code CallerStamp} on the way.
   */
  @Test
  void commands_are_sent_only_by_the_command_sender_the_demo_data_or_a_policy() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("vn.cpms.infra.web.CommandSender")
        .and()
        .doNotHaveFullyQualifiedName("vn.cpms.infra.demo.DemoData")
        .and()
        .doNotHaveFullyQualifiedName("vn.cpms.command.cases.ChildFollowsCase")
        .and()
        .doNotHaveFullyQualifiedName("vn.cpms.infra.axon.AxonConfiguration")
        .and()
        .doNotHaveFullyQualifiedName("vn.cpms.infra.axon.IdempotentCreates") // the gateway itself
        .should()
        .callMethodWhere(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a CommandGateway send",
                call ->
                    call.getTargetOwner()
                            .isAssignableTo(
                                org.axonframework.commandhandling.gateway.CommandGateway.class)
                        && call.getName().startsWith("send")))
        .check(classes);
  }
}
