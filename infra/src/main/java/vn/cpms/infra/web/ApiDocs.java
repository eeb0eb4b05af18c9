package vn.cpms.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generated API description (issue 19: it had no title, no descriptions and Swagger UI could
 * not sign in): a title and what the API is, the HTTP Basic scheme every operation requires (so
 * that Swagger UI's "Authorize" signs in), and what each group of operations is for.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocs {
  static final String BASIC = "basic";

  /** What each controller's operations do; the tag is springdoc's name for the controller. */
  static final Map<String, String> TAGS =
      Map.ofEntries(
          Map.entry("case-controller", "Cases: report a case, the worklist, a case's state."),
          Map.entry(
              "case-procedure-controller",
              "The Decree 56/2017 procedure of a case: assignment, assessments, plan, approval or"
                  + " return, interventions, transfer, closure, reopening, timeline."),
          Map.entry(
              "child-controller",
              "Children: registration, the duplicate search, special circumstances, support,"
                  + " incidents, erasure."),
          Map.entry(
              "contact-controller",
              "Hotline contacts (111 and the provincial lines): intake with the repeat-caller"
                  + " count, escalation to a commune, closure, erasure of a summary."),
          Map.entry(
              "indicator-controller",
              "The plans' indicators, population and other sectors' figures."),
          Map.entry(
              "statistics-controller",
              "Measures of STATISTICS.md for a period, an area and a breakdown (aggregates only;"
                  + " small counts hidden for statisticians)."),
          Map.entry(
              "report-controller", "Plan reports as XLSX or CSV (one table or the contract's)."),
          Map.entry("report-submission-controller", "Submitting a plan report and its versions."),
          Map.entry("import-controller", "Population and figures imported from a spreadsheet."),
          Map.entry("register-controller", "Child-friendly communes and the child fund."),
          Map.entry("code-controller", "Code lists with Vietnamese and English labels."),
          Map.entry(
              "area-controller", "The area registry: provinces, districts, communes, mergers."),
          Map.entry("user-controller", "Users, their roles and areas, passwords."),
          Map.entry("audit-controller", "The audit log of every read and change (admins)."),
          Map.entry(
              "projection-controller", "Read models: their state and rebuilds without downtime."),
          Map.entry("dead-letter-controller", "Events a read model could not process, parked."),
          Map.entry("key-rotation-controller", "Rotation of the master key of personal data."),
          Map.entry(
              "referral-controller",
              "The service directory and the referrals of cases to its providers: sent with"
                  + " consent, accepted or declined, done; a provider's user's own referrals."),
          Map.entry(
              "case-note-controller",
              "Notes of a case: home visits, follow-up calls, working-group meetings, plan"
                  + " reviews."),
          Map.entry(
              "reassignment-controller",
              "Every open case of a worker who leaves, given to another in one step."),
          Map.entry(
              "abuser-controller",
              "Persons suspected of abuse (no identity) and their legal handling, and their"
                  + " statistics."),
          Map.entry(
              "death-alert-controller",
              "A child's death reported at once: the alerts of a supervisor's areas and their"
                  + " acknowledgement."),
          Map.entry(
              "inbox-controller",
              "What needs the signed-in worker or supervisor now: clocks, unassigned cases,"
                  + " referral answers, plans to approve, deaths."));

  @Bean
  OpenAPI cpmsOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("CPMS — Hệ thống quản lý vụ việc bảo vệ trẻ em (child protection cases)")
                .version("v1")
                .description(
                    "The REST API of the child protection case-management system (contract:"
                        + " API.md). Every operation needs a user's name and password (HTTP"
                        + " Basic); what a user may read and change follows their role and areas."
                        + " Messages are in Vietnamese, or English with Accept-Language: en."
                        + " Errors are RFC 9457 problem details. Use synthetic data only."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A CPMS user's name and password.")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  @Bean
  OpenApiCustomizer tagDescriptions() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      java.util.Set<String> used = new java.util.TreeSet<>();
      openApi
          .getPaths()
          .values()
          .forEach(
              path ->
                  path.readOperations()
                      .forEach(
                          o ->
                              used.addAll(
                                  o.getTags() == null ? java.util.List.of() : o.getTags())));
      openApi.setTags(
          used.stream()
              .map(
                  name ->
                      new Tag()
                          .name(name)
                          .description(TAGS.getOrDefault(name, "Operations of " + name + ".")))
              .toList());
    };
  }
}
