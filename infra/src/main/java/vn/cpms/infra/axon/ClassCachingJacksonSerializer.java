package vn.cpms.infra.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer, remembering the class it resolved for each type name. Axon resolves a
 * stored event's payload and metadata type with {@code Class.forName} several times per event (for
 * the lazy message, the personal-data serializer, the deserialization itself): a few percent of a
 * replay's CPU (docs/performance.md). A name that names no class is not remembered here (Axon
 * remembers those itself).
 */
final class ClassCachingJacksonSerializer extends JacksonSerializer {
  private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

  /**
   * Takes the object mapper, not a builder: the options {@code Builder.build()} applies to the
   * mapper (lenient reading, default typing, a class loader) would be skipped by this constructor.
   */
  ClassCachingJacksonSerializer(ObjectMapper json) {
    super(JacksonSerializer.builder().objectMapper(json));
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class classForType(SerializedType type) {
    Class<?> known = classes.get(type.getName());
    if (known != null) {
      return known;
    }
    Class<?> resolved = super.classForType(type);
    if (!UnknownSerializedType.class.equals(resolved)) {
      classes.put(type.getName(), resolved);
    }
    return resolved;
  }
}
