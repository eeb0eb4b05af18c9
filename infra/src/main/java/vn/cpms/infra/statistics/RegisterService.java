package vn.cpms.infra.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.area.AreaView;
import vn.cpms.kernel.registers.FindRegistersQuery;
import vn.cpms.kernel.registers.FundEntryKind;
import vn.cpms.kernel.registers.RecordChildFriendlyStatusCommand;
import vn.cpms.kernel.registers.RecordFundEntryCommand;
import vn.cpms.kernel.registers.Registers;

/**
 * The registers the plans count, for the API and the statistician's page alike: child-friendly
 * communes (per commune and year, recognised or not, with the decision) and the child protection
 * fund (contributions and disbursements). Both are events; the indicators read them.
 */
@Service
public class RegisterService {
  private final CommandSender commands;
  private final QueryGateway queries;
  private final CallerScope scope;
  private final StatisticsImports imports;
  private final Clock clock;

  public RegisterService(
      CommandSender commands,
      QueryGateway queries,
      CallerScope scope,
      StatisticsImports imports,
      Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.scope = scope;
    this.imports = imports;
    this.clock = clock;
  }

  /** Records a commune's status for a year; the commune must be a commune of the caller's. */
  public void childFriendly(
      AreaCode commune, int year, Boolean childFriendly, String decisionNumber, LocalDate on) {
    scope.requireReadable(commune);
    Violations v = Violations.collect();
    AreaView area = find(commune);
    if (area == null) {
      v.add("communeCode", "unknown-area");
    } else if (area.level() != AreaLevel.COMMUNE) {
      v.add("communeCode", "not-a-commune");
    }
    if (year < 2000 || year > 2100) {
      v.add("year", "out-of-range", 2000, 2100);
    }
    if (childFriendly == null) {
      v.add("childFriendly", "required");
    }
    v.throwIfAny();
    commands.send(
        new RecordChildFriendlyStatusCommand(commune, year, childFriendly, decisionNumber, on));
  }

  /** The communes of {@code area} in {@code year} with their status (null: not recorded). */
  public List<Map<String, Object>> childFriendlyCommunes(AreaCode area, int year) {
    scope.requireReadable(area);
    List<AreaView> communes = ImportTemplates.communes(area, year, imports.areas());
    Registers registers =
        find(
            communes.stream().map(AreaView::code).collect(Collectors.toSet()),
            LocalDate.of(year, 1, 1),
            LocalDate.of(year, 12, 31));
    Map<String, Registers.ChildFriendly> byCommune =
        registers.childFriendly().stream()
            .collect(Collectors.toMap(Registers.ChildFriendly::communeCode, c -> c));
    return communes.stream()
        .map(
            c -> {
              Registers.ChildFriendly status = byCommune.get(c.code().value());
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("communeCode", c.code().value());
              row.put("name", c.name());
              row.put("year", year);
              row.put("childFriendly", status == null ? null : status.childFriendly());
              row.put("decisionNumber", status == null ? null : status.decisionNumber());
              row.put("decidedOn", status == null ? null : status.decidedOn());
              return row;
            })
        .toList();
  }

  /** Records a fund entry; answers its id. */
  public UUID fundEntry(
      AreaCode area,
      UUID id,
      String kindCode,
      Long amountVnd,
      LocalDate on,
      String source,
      String purpose) {
    scope.requireReadable(area);
    Violations v = Violations.collect();
    if (find(area) == null) {
      v.add("areaCode", "unknown-area");
    }
    FundEntryKind kind =
        vn.cpms.infra.web.RequestValidation.code(
            v, "kind", kindCode, FundEntryKind.class, "fund-entry-kind");
    if (amountVnd == null) {
      v.add("amountVnd", "required");
    }
    if (on == null) {
      v.add("on", "required");
    } else if (on.isAfter(LocalDate.now(clock.withZone(vn.cpms.kernel.VietnamTime.ZONE)))) {
      v.add("on", "future-date");
    }
    v.throwIfAny();
    UUID entry = id == null ? UUID.randomUUID() : id;
    commands.send(new RecordFundEntryCommand(area, entry, kind, amountVnd, on, source, purpose));
    return entry;
  }

  /** The fund of {@code area} (with everything below it) for the period: totals and entries. */
  public Map<String, Object> fund(AreaCode area, LocalDate from, LocalDate to) {
    scope.requireReadable(area);
    Registers registers = find(scope.expand(Set.of(area)).codes(), from, to);
    long in = 0;
    long out = 0;
    for (Registers.FundEntry e : registers.fund()) {
      if (e.kind() == FundEntryKind.CONTRIBUTION) {
        in += e.amountVnd();
      } else {
        out += e.amountVnd();
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("areaCode", area.value());
    body.put("from", from);
    body.put("to", to);
    body.put("contributionsVnd", in);
    body.put("disbursementsVnd", out);
    body.put("balanceVnd", in - out);
    body.put("entries", registers.fund());
    return body;
  }

  /** One area of the registry, or null: a command needs only the one it names. */
  private AreaView find(AreaCode code) {
    return queries
        .query(
            new vn.cpms.kernel.area.FindAreaQuery(code),
            ResponseTypes.optionalInstanceOf(AreaView.class))
        .join()
        .orElse(null);
  }

  private Registers find(Set<AreaCode> areas, LocalDate from, LocalDate to) {
    return queries
        .query(
            new FindRegistersQuery(areas, from, to, clock.instant()),
            ResponseTypes.instanceOf(Registers.class))
        .join();
  }
}
