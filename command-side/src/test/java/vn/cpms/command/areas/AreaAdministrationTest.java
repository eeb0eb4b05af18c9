package vn.cpms.command.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaDefinedEvent;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaSucceededEvent;
import vn.cpms.kernel.area.DefineAreaCommand;
import vn.cpms.kernel.area.RecordAreaSuccessionCommand;

/** The registry's rules, through a real (in-memory) Axon configuration with several areas. */
class AreaAdministrationTest {
  static final AreaCode QUANG_NINH = AreaCode.of("22");
  static final AreaCode HA_LONG = AreaCode.of("193");
  static final AreaCode COMMUNE_A = AreaCode.of("06652");
  static final AreaCode COMMUNE_B = AreaCode.of("06655");

  Configuration axon;
  CommandGateway commands;

  @BeforeEach
  void start() {
    axon =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Area.class)
            .registerCommandHandler(c -> new AreaAdministration(c.repository(Area.class)))
            .buildConfiguration();
    axon.start();
    commands = axon.commandGateway();
  }

  @AfterEach
  void stop() {
    axon.shutdown();
  }

  List<Object> eventsOf(AreaCode code) {
    return axon.eventStore()
        .readEvents(code.value())
        .asStream()
        .map(m -> (Object) m.getPayload())
        .toList();
  }

  void defineHierarchy() {
    commands.sendAndWait(new DefineAreaCommand(QUANG_NINH, "Quảng Ninh", AreaLevel.PROVINCE, null));
    commands.sendAndWait(new DefineAreaCommand(HA_LONG, "Hạ Long", AreaLevel.DISTRICT, QUANG_NINH));
    commands.sendAndWait(new DefineAreaCommand(COMMUNE_A, "Xã A", AreaLevel.COMMUNE, HA_LONG));
    commands.sendAndWait(new DefineAreaCommand(COMMUNE_B, "Xã B", AreaLevel.COMMUNE, QUANG_NINH));
  }

  @Test
  void a_province_a_district_and_communes_below_them_are_defined() {
    defineHierarchy();
    assertThat(eventsOf(COMMUNE_A))
        .containsExactly(new AreaDefinedEvent(COMMUNE_A, "Xã A", AreaLevel.COMMUNE, HA_LONG));
    assertThat(eventsOf(COMMUNE_B)).hasSize(1);
  }

  @Test
  void defining_the_same_area_again_changes_nothing_and_a_rename_is_recorded() {
    defineHierarchy();
    commands.sendAndWait(new DefineAreaCommand(COMMUNE_A, "Xã A", AreaLevel.COMMUNE, HA_LONG));
    assertThat(eventsOf(COMMUNE_A)).hasSize(1);
    commands.sendAndWait(new DefineAreaCommand(COMMUNE_A, "Phường A", AreaLevel.COMMUNE, HA_LONG));
    assertThat(eventsOf(COMMUNE_A)).hasSize(2);
  }

  @Test
  void a_commune_under_an_unknown_parent_is_invalid() {
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(COMMUNE_A, "Xã A", AreaLevel.COMMUNE, HA_LONG)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("parentCode=unknown-area");
    assertThat(axon.eventStore().lastSequenceNumberFor(COMMUNE_A.value())).isEmpty();
  }

  @Test
  void a_code_of_the_wrong_length_or_a_parent_below_its_child_is_invalid() {
    defineHierarchy();
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(AreaCode.of("194"), "X", AreaLevel.COMMUNE, HA_LONG)))
        .hasMessageContaining("code=code-length");
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(AreaCode.of("194"), "X", AreaLevel.DISTRICT, HA_LONG)))
        .hasMessageContaining("parentCode=parent-level");
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(AreaCode.of("23"), "X", AreaLevel.PROVINCE, QUANG_NINH)))
        .hasMessageContaining("parentCode=province-has-no-parent");
  }

  @Test
  void redefining_an_area_with_a_level_its_code_does_not_fit_is_invalid() {
    defineHierarchy();
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(HA_LONG, "Hạ Long", AreaLevel.COMMUNE, QUANG_NINH)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new DefineAreaCommand(QUANG_NINH, "QN", AreaLevel.DISTRICT, null)))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void a_merged_commune_records_its_successor_once() {
    defineHierarchy();
    LocalDate july = LocalDate.of(2025, 7, 1);
    commands.sendAndWait(new RecordAreaSuccessionCommand(COMMUNE_A, COMMUNE_B, july));
    commands.sendAndWait(new RecordAreaSuccessionCommand(COMMUNE_A, COMMUNE_B, july));
    assertThat(eventsOf(COMMUNE_A)).endsWith(new AreaSucceededEvent(COMMUNE_A, COMMUNE_B, july));
    assertThat(eventsOf(COMMUNE_A)).hasSize(2);
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new RecordAreaSuccessionCommand(COMMUNE_A, AreaCode.of("06653"), july)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void a_succession_to_another_level_or_of_an_unknown_area_is_rejected() {
    defineHierarchy();
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new RecordAreaSuccessionCommand(COMMUNE_A, HA_LONG, LocalDate.of(2025, 7, 1))))
        .hasMessageContaining("successorCode=successor-level");
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new RecordAreaSuccessionCommand(
                        AreaCode.of("09999"), COMMUNE_B, LocalDate.of(2025, 7, 1))))
        .isInstanceOf(UnknownReferenceException.class);
  }

  @Test
  void a_second_different_succession_is_rejected() {
    defineHierarchy();
    commands.sendAndWait(
        new DefineAreaCommand(AreaCode.of("06653"), "Xã C", AreaLevel.COMMUNE, QUANG_NINH));
    commands.sendAndWait(
        new RecordAreaSuccessionCommand(COMMUNE_A, COMMUNE_B, LocalDate.of(2025, 7, 1)));
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new RecordAreaSuccessionCommand(
                        COMMUNE_A, AreaCode.of("06653"), LocalDate.of(2025, 7, 1))))
        .isInstanceOf(RuleViolationException.class)
        .hasMessage("area.already-succeeded");
  }

  @Test
  void an_admin_held_to_areas_defines_and_merges_only_below_them_whatever_the_read_models_say() {
    defineHierarchy();
    // an admin of district 193 (Hạ Long and its commune A)
    java.util.Map<String, Object> scope =
        java.util.Map.of(
            vn.cpms.kernel.AccessScope.METADATA_KEY, List.of(HA_LONG.value(), COMMUNE_A.value()));
    java.util.function.Consumer<Object> asRegionalAdmin =
        command ->
            commands.sendAndWait(
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(scope));
    // commune B (under the province directly) cannot be moved under their district
    assertThatThrownBy(
            () ->
                asRegionalAdmin.accept(
                    new DefineAreaCommand(COMMUNE_B, "Xã B", AreaLevel.COMMUNE, HA_LONG)))
        .isInstanceOf(InvalidInputException.class);
    // nor a province made, nor B merged into A
    assertThatThrownBy(
            () ->
                asRegionalAdmin.accept(
                    new DefineAreaCommand(AreaCode.of("23"), "x", AreaLevel.PROVINCE, null)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(
            () ->
                asRegionalAdmin.accept(
                    new RecordAreaSuccessionCommand(
                        COMMUNE_B, COMMUNE_A, LocalDate.of(2025, 7, 1))))
        .isInstanceOf(InvalidInputException.class);
    // a new commune in their district is theirs to define
    asRegionalAdmin.accept(
        new DefineAreaCommand(AreaCode.of("06653"), "Xã C", AreaLevel.COMMUNE, HA_LONG));
    assertThat(eventsOf(AreaCode.of("06653"))).hasSize(1);
  }
}
