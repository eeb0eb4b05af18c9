package vn.cpms.infra.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.web.DeclaredRules;
import vn.cpms.infra.web.FreeText;

/**
 * {@code /api/v1/admin/dead-letters} (national admin): the events the projections parked, a retry
 * of one aggregate's sequence, its eviction with a reason (audited).
 */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
public class DeadLetterController {
  private final DeadLetters deadLetters;

  public DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  public List<DeadLetters.Sequence> list() {
    return deadLetters.list();
  }

  /**
   * Hands the sequence to its projection again: {@code {retried: true}} when it went through,
   * {@code false} when it failed again or nothing was parked.
   */
  @PostMapping("/{projection}/{sequence}/retry")
  public Map<String, Object> retry(@PathVariable String projection, @PathVariable String sequence) {
    return Map.of("retried", deadLetters.retry(projection, sequence));
  }

  /** Body of an eviction: why these events will never show in the projection. */
  public record EvictionRequest(@NotBlank @Size(max = 500) @FreeText String reason) {}

  @PostMapping("/{projection}/{sequence}/eviction")
  public Map<String, Object> evict(
      @PathVariable String projection,
      @PathVariable String sequence,
      @RequestBody EvictionRequest body) {
    DeclaredRules.require(body);
    return Map.of("evicted", deadLetters.evict(projection, sequence, body.reason()));
  }
}
