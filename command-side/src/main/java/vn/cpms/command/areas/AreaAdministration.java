package vn.cpms.command.areas;

import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.cpms.kernel.AccessScope;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.DefineAreaCommand;
import vn.cpms.kernel.area.RecordAreaSuccessionCommand;

/**
 * Keeps the area registry consistent: codes have their level's length, a parent exists and sits
 * above its child (a province has none; a district's is a province; a commune's a district or a
 * province), a successor exists and is of the same level.
 */
public class AreaAdministration {
  private final Repository<Area> areas;

  public AreaAdministration(Repository<Area> areas) {
    this.areas = areas;
  }

  @CommandHandler
  public void handle(DefineAreaCommand command, MetaData metaData) throws Exception {
    Violations violations = Violations.collect();
    // an admin held to areas defines only below them: the parent, and an existing area itself,
    // inside the sender's areas (issue 16); a province is a national admin's
    Optional<Aggregate<Area>> defined = find(command.code());
    if (!AccessScope.allows(metaData, command.parentCode())
        || (command.parentCode() == null && metaData.containsKey(AccessScope.METADATA_KEY))
        || (defined.isPresent() && !AccessScope.allows(metaData, command.code()))) {
      violations.add("code", "area-not-allowed");
      violations.throwIfAny();
    }
    if (command.name() == null || command.name().isBlank()) {
      violations.add("name", "required");
    }
    if (command.level() == null) {
      violations.add("level", "required");
    } else {
      if (command.code().value().length() != command.level().codeLength()) {
        violations.add("code", "code-length", command.level().codeLength());
      }
      checkParent(violations, command);
    }
    violations.throwIfAny();
    String name = command.name().strip();
    if (defined.isPresent()) {
      defined.get().execute(a -> a.define(name, command.level(), command.parentCode()));
    } else {
      areas.newInstance(
          () -> new Area(command.code(), name, command.level(), command.parentCode()));
    }
  }

  private void checkParent(Violations violations, DefineAreaCommand command) {
    AreaCode parent = command.parentCode();
    if (command.level() == AreaLevel.PROVINCE) {
      if (parent != null) {
        violations.add("parentCode", "province-has-no-parent");
      }
      return;
    }
    if (parent == null) {
      violations.add("parentCode", "required");
      return;
    }
    Optional<AreaLevel> parentLevel = find(parent).map(a -> a.invoke(Area::level));
    if (parentLevel.isEmpty()) {
      violations.add("parentCode", "unknown-area");
    } else if (parentLevel.get() == AreaLevel.COMMUNE
        || (command.level() == AreaLevel.DISTRICT && parentLevel.get() != AreaLevel.PROVINCE)) {
      violations.add("parentCode", "parent-level");
    }
  }

  @CommandHandler
  public void handle(RecordAreaSuccessionCommand command, MetaData metaData) {
    Aggregate<Area> area =
        find(command.code()).orElseThrow(() -> new UnknownReferenceException("area"));
    Violations violations = Violations.collect();
    if (!AccessScope.allows(metaData, command.code())
        || !AccessScope.allows(metaData, command.successorCode())) {
      violations.add("code", "area-not-allowed");
      violations.throwIfAny();
    }
    if (command.effectiveOn() == null) {
      violations.add("effectiveOn", "required");
    }
    if (command.successorCode() == null) {
      violations.add("successorCode", "required");
    } else if (command.successorCode().equals(command.code())) {
      violations.add("successorCode", "same-area");
    } else {
      Optional<Aggregate<Area>> successor = find(command.successorCode());
      if (successor.isEmpty()) {
        violations.add("successorCode", "unknown-area");
      } else if (successor.get().invoke(Area::level) != area.invoke(Area::level)) {
        violations.add("successorCode", "successor-level");
      }
    }
    violations.throwIfAny();
    area.execute(a -> a.succeed(command.successorCode(), command.effectiveOn()));
  }

  private Optional<Aggregate<Area>> find(AreaCode code) {
    try {
      return Optional.of(areas.load(code.value()));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }
}
