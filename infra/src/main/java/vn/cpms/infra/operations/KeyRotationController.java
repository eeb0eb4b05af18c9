package vn.cpms.infra.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.cpms.infra.privacy.KeyRotation;

/**
 * {@code /api/v1/admin/keys} (national admin): the progress of a master-key rotation (how many keys
 * each master key id still wraps) and a rotation run now instead of at the next minute.
 */
@RestController
@RequestMapping("/api/v1/admin/keys")
public class KeyRotationController {
  private final KeyRotation rotation;

  public KeyRotationController(KeyRotation rotation) {
    this.rotation = rotation;
  }

  @GetMapping
  public KeyRotation.Status status() {
    return rotation.status();
  }

  @PostMapping("/rotation")
  public KeyRotation.Status rotate() {
    rotation.run();
    return rotation.status();
  }
}
