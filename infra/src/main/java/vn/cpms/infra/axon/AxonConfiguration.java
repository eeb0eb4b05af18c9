package vn.cpms.infra.axon;

import java.time.Clock;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.cpms.command.areas.Area;
import vn.cpms.command.areas.AreaAdministration;
import vn.cpms.command.calendar.WorkingCalendar;
import vn.cpms.command.cases.CaseDeadlines;
import vn.cpms.command.cases.CaseIntake;
import vn.cpms.command.cases.ChildCase;
import vn.cpms.command.children.Child;
import vn.cpms.command.contacts.Contact;
import vn.cpms.command.contacts.ContactEscalation;
import vn.cpms.infra.privacy.PersonalDataKeys;
import vn.cpms.infra.privacy.PersonalDataSerializer;
import vn.cpms.query.areas.AreaProjection;
import vn.cpms.query.children.ChildrenProjection;
import vn.cpms.query.hotline.HotlineProjection;
import vn.cpms.query.indicators.PlanCatalogue;
import vn.cpms.query.jdbc.ProjectionWrites;
import vn.cpms.query.statistics.Indicators;
import vn.cpms.query.statistics.StatisticsProjection;
import vn.cpms.query.timeline.TimelineProjection;
import vn.cpms.query.worklist.WorklistProjection;

/**
 * Axon wiring: Jackson serialization with the fixed {@link EventJson} format for everything that is
 * stored, the JDBC storage of Axon's Spring Boot starter (event store, tokens, sagas, dead letters
 * on the application's PostgreSQL), and the handlers of the command and query sides.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {
  /** Metadata key of the user who sent a command; copied onto every event it causes. */
  public static final String USERNAME = "username";

  @Bean
  @Primary
  Serializer serializer() {
    return jackson();
  }

  /** Events (and dead letters, snapshots) keep personal data encrypted per child. */
  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer(PersonalDataKeys keys) {
    return new PersonalDataSerializer(jackson(), EventJson.objectMapper(), keys);
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return jackson();
  }

  private static Serializer jackson() {
    return new ClassCachingJacksonSerializer(EventJson.objectMapper());
  }

  @Bean
  SagaSqlSchema sagaSqlSchema() {
    return new PostgresSagaSqlSchema();
  }

  @Bean
  CorrelationDataProvider usernameCorrelation() {
    return new SimpleCorrelationDataProvider(USERNAME);
  }

  /** Runs the retries of commands that lost a race to another node ({@link ConflictRetry}). */
  @Bean(destroyMethod = "shutdownNow")
  java.util.concurrent.ScheduledExecutorService commandRetries() {
    return java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "command-retry");
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * The command gateway, retrying a command sent without {@code If-Match} that lost a concurrency
   * race to another node (issue 18); Axon's Spring Boot starter registers the dispatch interceptors
   * on it.
   */
  @Bean
  org.axonframework.commandhandling.gateway.CommandGateway commandGateway(
      org.axonframework.commandhandling.CommandBus commandBus,
      java.util.concurrent.ScheduledExecutorService commandRetries,
      @org.springframework.beans.factory.annotation.Value("${cpms.commands.conflict-retries:3}")
          int retries) {
    return new IdempotentCreates(
        org.axonframework.commandhandling.gateway.DefaultCommandGateway.builder()
            .commandBus(commandBus)
            .retryScheduler(new ConflictRetry(commandRetries, retries)));
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * A handler that fails does not get its event skipped: projections with a dead-letter queue park
   * it there (and every later event of the same case behind it); everything else propagates the
   * error so that the processor retries the batch with back-off.
   */
  @Autowired
  void configureErrorHandling(EventProcessingConfigurer processing) {
    processing.registerDefaultListenerInvocationErrorHandler(
        configuration -> PropagatingErrorHandler.instance());
  }

  @Bean
  WorkingCalendar workingCalendar(CaseRulesProperties rules) {
    return new WorkingCalendar(rules.extraDaysOff(), rules.extraWorkingDays());
  }

  @Bean
  CaseDeadlines caseDeadlines(WorkingCalendar calendar, CaseRulesProperties rules) {
    return new CaseDeadlines(
        calendar,
        rules.seriousDangerLimit(),
        rules.initialAssessmentWorkingDays(),
        rules.planWorkingDays());
  }

  @Bean
  CaseIntake caseIntake(
      Repository<ChildCase> childCaseRepository,
      Repository<Child> childRepository,
      CaseDeadlines deadlines,
      Clock clock) {
    return new CaseIntake(childCaseRepository, childRepository, deadlines, clock);
  }

  @Bean
  AreaAdministration areaAdministration(Repository<Area> areaRepository) {
    return new AreaAdministration(areaRepository);
  }

  @Bean
  ContactEscalation contactEscalation(
      Repository<Contact> contactRepository, CaseIntake caseIntake) {
    return new ContactEscalation(contactRepository, caseIntake);
  }

  /** The child follows its case: a policy of the command side (issue 16). */
  @Bean
  vn.cpms.command.cases.ChildFollowsCase childFollowsCase(
      org.axonframework.commandhandling.gateway.CommandGateway commands,
      org.axonframework.eventsourcing.eventstore.EventStore events) {
    return new vn.cpms.command.cases.ChildFollowsCase(commands, events);
  }

  @Bean
  HotlineProjection hotlineProjection(
      NamedParameterJdbcTemplate jdbc,
      vn.cpms.query.privacy.PersonalText personal,
      ProjectionWrites writes) {
    return new HotlineProjection(jdbc, personal, writes);
  }

  @Bean
  StatisticsProjection statisticsProjection(
      NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
    return new StatisticsProjection(jdbc, writes);
  }

  @Bean
  vn.cpms.query.registers.RegistersProjection registersProjection(NamedParameterJdbcTemplate jdbc) {
    return new vn.cpms.query.registers.RegistersProjection(jdbc);
  }

  @Bean
  vn.cpms.query.reports.ReportSubmissionsProjection reportSubmissionsProjection(
      NamedParameterJdbcTemplate jdbc) {
    return new vn.cpms.query.reports.ReportSubmissionsProjection(jdbc);
  }

  @Bean
  PlanCatalogue planCatalogue() {
    return new PlanCatalogue();
  }

  @Bean
  Indicators indicators(
      NamedParameterJdbcTemplate jdbc, PlanCatalogue catalogue, StatisticsProjection statistics) {
    return new Indicators(jdbc, catalogue, statistics.measures());
  }

  @Bean
  AreaProjection areaProjection(NamedParameterJdbcTemplate jdbc) {
    return new AreaProjection(jdbc);
  }

  @Bean
  ChildrenProjection childrenProjection(
      NamedParameterJdbcTemplate jdbc,
      vn.cpms.query.privacy.PersonalText personal,
      ProjectionWrites writes) {
    return new ChildrenProjection(jdbc, personal, writes);
  }

  @Bean
  vn.cpms.query.children.ChildQueries childQueries(
      NamedParameterJdbcTemplate jdbc, vn.cpms.query.privacy.PersonalText personal) {
    return new vn.cpms.query.children.ChildQueries(jdbc, personal);
  }

  @Bean
  TimelineProjection timelineProjection(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
    return new TimelineProjection(jdbc, writes);
  }

  @Bean
  WorklistProjection worklistProjection(
      NamedParameterJdbcTemplate jdbc,
      Clock clock,
      vn.cpms.query.privacy.PersonalText personal,
      ProjectionWrites writes) {
    return new WorklistProjection(jdbc, clock, personal, writes);
  }

  @Bean
  vn.cpms.query.referrals.ReferralsProjection referralsProjection(
      NamedParameterJdbcTemplate jdbc, vn.cpms.query.privacy.PersonalText personal, Clock clock) {
    return new vn.cpms.query.referrals.ReferralsProjection(jdbc, personal, clock);
  }

  @Bean
  vn.cpms.query.notes.CaseNotesProjection caseNotesProjection(
      NamedParameterJdbcTemplate jdbc,
      vn.cpms.query.privacy.PersonalText personal,
      ProjectionWrites writes) {
    return new vn.cpms.query.notes.CaseNotesProjection(jdbc, personal, writes);
  }

  @Bean
  vn.cpms.query.alerts.DeathAlertsProjection deathAlertsProjection(
      NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
    return new vn.cpms.query.alerts.DeathAlertsProjection(jdbc, writes);
  }

  @Bean
  vn.cpms.query.abusers.AbusersProjection abusersProjection(
      NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
    return new vn.cpms.query.abusers.AbusersProjection(jdbc, writes);
  }

  /** The batched writes of this application's projections (none shared with another). */
  @Bean
  ProjectionWrites projectionWrites(NamedParameterJdbcTemplate jdbc) {
    return new ProjectionWrites(jdbc);
  }
}
