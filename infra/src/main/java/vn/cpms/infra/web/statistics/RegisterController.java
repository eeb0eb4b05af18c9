package vn.cpms.infra.web.statistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.statistics.RegisterService;
import vn.cpms.infra.web.Code;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;
import vn.cpms.infra.web.OptionalMember;
import vn.cpms.infra.web.cases.CaseRequests;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.registers.FundEntryKind;

/**
 * The registers the plans count: child-friendly communes ({@code /api/v1/child-friendly-communes})
 * and the child protection fund ({@code /api/v1/child-protection-fund}). Statisticians of the area
 * and admins record; supervisors read.
 */
@RestController
public class RegisterController {
  private final RegisterService registers;

  public RegisterController(RegisterService registers) {
    this.registers = registers;
  }

  /** {@code {childFriendly, decisionNumber?, decidedOn?}}; the decision is required for yes. */
  public record ChildFriendlyRequest(
      @NotNull Boolean childFriendly,
      @OptionalMember @Size(max = 60) @FreeText String decisionNumber,
      @OptionalMember LocalDate decidedOn) {}

  @PutMapping("/api/v1/child-friendly-communes/{communeCode}/{year}")
  public ResponseEntity<Map<String, Object>> childFriendly(
      @PathVariable String communeCode,
      @PathVariable int year,
      @RequestBody ChildFriendlyRequest body) {
    DeclaredRules.require(body);
    AreaCode commune = CaseRequests.area("communeCode", communeCode);
    registers.childFriendly(
        commune, year, body.childFriendly(), body.decisionNumber(), body.decidedOn());
    return ResponseEntity.ok(Map.of("communeCode", communeCode, "year", year));
  }

  @GetMapping("/api/v1/child-friendly-communes")
  public List<Map<String, Object>> childFriendlyCommunes(
      @RequestParam String area, @RequestParam int year) {
    return registers.childFriendlyCommunes(CaseRequests.area("area", area), year);
  }

  /** {@code {id?, kind, amountVnd, on, source?, purpose?}}. */
  public record FundEntryRequest(
      @OptionalMember UUID id,
      @NotBlank @Size(max = 20) @Code(value = FundEntryKind.class, list = "fund-entry-kind")
          String kind,
      @NotNull @Positive Long amountVnd,
      @NotNull LocalDate on,
      @OptionalMember @Size(max = 200) @FreeText String source,
      @OptionalMember @Size(max = 200) @FreeText String purpose) {}

  @PostMapping("/api/v1/child-protection-fund/{areaCode}/entries")
  public ResponseEntity<Map<String, Object>> fundEntry(
      @PathVariable String areaCode, @RequestBody FundEntryRequest body) {
    DeclaredRules.require(body);
    AreaCode area = CaseRequests.area("areaCode", areaCode);
    UUID id =
        registers.fundEntry(
            area,
            body.id(),
            body.kind(),
            body.amountVnd(),
            body.on(),
            body.source(),
            body.purpose());
    return ResponseEntity.created(URI.create("/api/v1/child-protection-fund/" + areaCode))
        .body(Map.of("id", id, "areaCode", areaCode));
  }

  @GetMapping("/api/v1/child-protection-fund/{areaCode}")
  public Map<String, Object> fund(
      @PathVariable String areaCode,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to) {
    AreaCode area = CaseRequests.area("areaCode", areaCode);
    int year = LocalDate.now(vn.cpms.kernel.VietnamTime.ZONE).getYear();
    return registers.fund(
        area,
        from == null ? LocalDate.of(year, 1, 1) : from,
        to == null ? LocalDate.of(year, 12, 31) : to);
  }
}
