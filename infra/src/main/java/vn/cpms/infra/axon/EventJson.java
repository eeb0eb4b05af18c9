package vn.cpms.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of stored messages (events, snapshots, tokens, dead letters), fixed once and kept
 * apart from the REST API's mapper so that a change to the API never changes stored events:
 * ISO-8601 instants and dates, enums by name, ids as plain strings (their {@code @JsonValue}), no
 * Java class names inside the JSON. Unknown properties are ignored so that an older reader can read
 * a newer event that only added optional fields.
 */
public final class EventJson {
  private EventJson() {}

  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
