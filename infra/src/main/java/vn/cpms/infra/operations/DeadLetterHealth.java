package vn.cpms.infra.operations;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health is {@code PARKED} (not {@code UP}) while any projection holds a parked event: a read model
 * is missing something until an operator retries or evicts it. The node still serves (HTTP 200), so
 * a load balancer keeps it; a monitor sees the status.
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealth implements HealthIndicator {
  public static final Status PARKED = new Status("PARKED", "events parked: see dead letters");

  private final DeadLetters deadLetters;

  public DeadLetterHealth(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Health health() {
    long parked = deadLetters.parked();
    return (parked == 0 ? Health.up() : Health.status(PARKED)).withDetail("parked", parked).build();
  }
}
