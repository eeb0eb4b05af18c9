package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cpms.infra.privacy.KeyRotation;
import vn.cpms.infra.privacy.MasterKeys;
import vn.cpms.infra.privacy.PersonalDataKeys;

/**
 * Issue 17: the master key is rotated while workers register children; every child stays readable
 * throughout and afterwards, and no key is left wrapped with the old master key.
 */
class KeyRotationIT extends ApplicationIT {
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired PersonalDataKeys applicationKeys;

  @Test
  void a_rotation_under_load_rewraps_every_key_and_every_child_stays_readable() throws Exception {
    ApiClient admin = admin();
    List<String> children = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      children.add(register(admin, "Xoay Khóa Trước " + i));
    }
    // a node configured with the new key, the old one kept as previous, rotates under load
    PersonalDataKeys rotating =
        new PersonalDataKeys(
            named, new MasterKeys(named, ROTATION_KEY, List.of(MASTER_KEY)), clock);
    KeyRotation rotation = new KeyRotation(rotating, new TransactionTemplate(transactions));
    AtomicBoolean rotating_done = new AtomicBoolean();
    CompletableFuture<List<String>> load =
        CompletableFuture.supplyAsync(
            () -> {
              List<String> during = new ArrayList<>();
              for (int i = 0; !rotating_done.get() || i < 10; i++) {
                during.add(register(admin, "Xoay Khóa Trong " + i));
              }
              return during;
            });
    long rewrapped = rotation.run();
    rotating_done.set(true);
    children.addAll(load.get());
    assertThat(rewrapped).isPositive();
    String newId = rotating.currentMasterKeyId();
    assertThat(rotating.keysByMasterKey()).containsKey(newId);

    // the application (current: the old key, previous: the new one) reads every child from the
    // stored keys, none from its cache
    applicationKeys.forgetAll();
    assertReadable(admin, children);

    // a node that lacks the key in use refuses to start
    assertThatThrownBy(
            () ->
                new PersonalDataKeys(named, new MasterKeys(named, MASTER_KEY, List.of()), clock)
                    .verifyMasterKey())
        .hasMessageContaining(newId)
        .hasMessageContaining("refusing to start");

    // the application rotates back to its own current key, through the admin API
    ApiClient.Response back = admin.post("/api/v1/admin/keys/rotation", "{}");
    assertThat(back.status()).as(back.toString()).isEqualTo(200);
    JsonNode status = back.json();
    String currentId = status.get("currentMasterKeyId").asText();
    assertThat(currentId).isNotEqualTo(newId);
    Map<String, Long> byKey =
        named.query(
            "select key_id, count(*) from personal_data_key where wrapped_key is not null"
                + " group by key_id",
            Map.of(),
            rs -> {
              Map<String, Long> counts = new java.util.HashMap<>();
              while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
              }
              return counts;
            });
    assertThat(byKey).containsOnlyKeys(currentId);
    assertThat(status.get("keysByMasterKey").size()).isEqualTo(1);
    applicationKeys.forgetAll();
    assertReadable(admin, children);
  }

  private static String register(ApiClient admin, String name) {
    UUID id = UUID.randomUUID();
    ApiClient.Response created = admin.post("/api/v1/children", ChildApiIT.child(id, name));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return id + "|" + name;
  }

  private static void assertReadable(ApiClient admin, List<String> children) {
    for (String child : children) {
      String id = child.substring(0, child.indexOf('|'));
      String name = child.substring(child.indexOf('|') + 1);
      JsonNode view =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(() -> admin.get("/api/v1/children/" + id), r -> r.status() == 200)
              .json();
      assertThat(view.get("fullName").asText()).as(id).isEqualTo(name);
    }
  }
}
