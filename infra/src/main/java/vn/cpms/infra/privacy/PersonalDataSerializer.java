package vn.cpms.infra.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import vn.cpms.kernel.privacy.DataSubject;
import vn.cpms.kernel.privacy.PersonalData;

/**
 * Axon's event serializer with crypto-shredding: every {@link PersonalData} field of a {@link
 * DataSubject} message is stored as {@code "pd1:<subject>:<base64 AES-GCM>"} with the subject's key
 * ({@link PersonalDataKeys}); everything else (ids, codes, dates of facts, the statistical
 * attributes) stays in clear JSON. Reading decrypts; a field whose key was erased reads as {@code
 * null}. Fields stored before encryption existed are read as they are.
 */
public final class PersonalDataSerializer implements Serializer {
  /** How a sealed personal value starts: {@code pd1:<subject>:<base64 of IV + AES-GCM>}. */
  public static final String PREFIX = "pd1:";

  private final Serializer delegate;
  private final ObjectMapper json;
  private final PersonalDataKeys keys;
  private final ClassValue<List<List<String>>> personalPaths =
      new ClassValue<>() {
        @Override
        protected List<List<String>> computeValue(Class<?> type) {
          List<List<String>> paths = new ArrayList<>();
          collect(type, List.of(), paths);
          return List.copyOf(paths);
        }
      };

  public PersonalDataSerializer(Serializer delegate, ObjectMapper json, PersonalDataKeys keys) {
    this.delegate = delegate;
    this.json = json;
    this.keys = keys;
  }

  /** A path step that stands for every element of a list. */
  static final String EACH = "[]";

  /**
   * The JSON paths of the personal fields of {@code type}, nested records and lists of records
   * included (an intervention's provider in a plan's list of interventions).
   */
  static void collect(Class<?> type, List<String> prefix, List<List<String>> paths) {
    if (!type.isRecord() || !type.getPackageName().startsWith("vn.cpms")) {
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      List<String> path = new ArrayList<>(prefix);
      path.add(component.getName());
      if (component.isAnnotationPresent(PersonalData.class)) {
        paths.add(List.copyOf(path));
      } else if (java.util.Collection.class.isAssignableFrom(component.getType())
          && component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
          && list.getActualTypeArguments()[0] instanceof Class<?> element) {
        path.add(EACH);
        collect(element, path, paths);
      } else {
        collect(component.getType(), path, paths);
      }
    }
  }

  List<List<String>> personalPaths(Class<?> type) {
    return personalPaths.get(type);
  }

  /**
   * Readies, in one statement, the keys that serializing these events will ask for: a subject with
   * personal fields, or one whose owner is recorded (issue 21). The event store calls it before it
   * serializes a transaction's events.
   */
  public void prepare(List<?> payloads) {
    Map<UUID, UUID> owners = new java.util.LinkedHashMap<>();
    for (Object payload : payloads) {
      if (payload instanceof DataSubject message && message.dataSubject() != null) {
        UUID owner = message.dataOwner();
        boolean recordsOwner = owner != null && !owner.equals(message.dataSubject());
        if (recordsOwner || !personalPaths(payload.getClass()).isEmpty()) {
          owners.merge(message.dataSubject(), owner, (a, b) -> a != null ? a : b);
        }
      }
    }
    if (owners.size() > 1) {
      keys.prepareForWriting(owners);
    }
  }

  @Override
  public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
    if (!(object instanceof DataSubject message)) {
      return delegate.serialize(object, expectedRepresentation);
    }
    UUID subject = message.dataSubject();
    UUID owner = message.dataOwner();
    List<List<String>> paths = personalPaths(object.getClass());
    if (paths.isEmpty()) {
      if (owner != null && !owner.equals(subject)) {
        keys.keyForWriting(subject, owner); // records who owns the subject (its erasure)
      }
      return delegate.serialize(object, expectedRepresentation);
    }
    ObjectNode tree = json.valueToTree(object);
    Optional<SecretKey> key = Optional.empty();
    boolean needsKey = paths.stream().anyMatch(path -> present(tree, path));
    if (needsKey) {
      key = keys.keyForWriting(subject, owner);
    }
    for (List<String> path : paths) {
      String field = path.get(path.size() - 1);
      for (ObjectNode parent : parentsOf(tree, path)) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
          continue;
        }
        if (key.isEmpty()) {
          parent.set(field, NullNode.getInstance()); // an erased subject keeps no new personal data
        } else {
          parent.set(field, new TextNode(seal(key.get(), subject, value)));
        }
      }
    }
    try {
      byte[] bytes = json.writeValueAsBytes(tree);
      T data = delegate.getConverter().convert(bytes, byte[].class, expectedRepresentation);
      return new SimpleSerializedObject<>(
          data, expectedRepresentation, delegate.typeForClass(object.getClass()));
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write " + object.getClass().getSimpleName(), e);
    }
  }

  @Override
  public <S, T> T deserialize(SerializedObject<S> serializedObject) {
    Class<?> type = delegate.classForType(serializedObject.getType());
    List<List<String>> paths = personalPaths(type);
    if (paths.isEmpty()) {
      return delegate.deserialize(serializedObject);
    }
    JsonNode tree =
        delegate
            .getConverter()
            .convert(serializedObject.getData(), serializedObject.getContentType(), JsonNode.class);
    if (tree instanceof ObjectNode root) {
      // a tree parsed here is ours to change; one handed in (by an upcaster) is copied first
      JsonNode copy = serializedObject.getData() instanceof JsonNode ? root.deepCopy() : root;
      for (List<String> path : paths) {
        String field = path.get(path.size() - 1);
        for (ObjectNode parent : parentsOf((ObjectNode) copy, path)) {
          if (parent.get(field) instanceof TextNode text && text.textValue().startsWith(PREFIX)) {
            parent.set(field, open(text.textValue()));
          }
        }
      }
      tree = copy;
    }
    return delegate.deserialize(
        new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
  }

  /**
   * The payload of a stored event with the personal fields it holds in clear sealed (an event
   * stored before those fields were encrypted), or {@code null} when there is nothing to seal or
   * the event is of another revision than its class (its upcasters would have to run first).
   */
  public byte[] sealClearFields(String payloadType, String revision, byte[] payload) {
    SerializedType stored =
        new org.axonframework.serialization.SimpleSerializedType(payloadType, revision);
    Class<?> type;
    try {
      type = delegate.classForType(stored);
    } catch (RuntimeException unknown) {
      return null;
    }
    List<List<String>> paths = personalPaths(type);
    if (paths.isEmpty()
        || !DataSubject.class.isAssignableFrom(type)
        || !java.util.Objects.equals(revision, delegate.typeForClass(type).getRevision())) {
      return null;
    }
    JsonNode tree;
    try {
      tree = json.readTree(payload);
    } catch (java.io.IOException e) {
      return null;
    }
    boolean clear = false;
    for (List<String> path : paths) {
      String field = path.get(path.size() - 1);
      for (ObjectNode parent : parentsOf((ObjectNode) tree, path)) {
        JsonNode value = parent.get(field);
        if (value != null
            && !value.isNull()
            && !(value instanceof TextNode text && text.textValue().startsWith(PREFIX))) {
          clear = true;
        }
      }
    }
    if (!clear) {
      return null;
    }
    Object event = deserialize(new SimpleSerializedObject<>(payload, byte[].class, stored));
    return serialize(event, byte[].class).getData();
  }

  private String seal(SecretKey key, UUID subject, JsonNode value) {
    try {
      byte[] plain = json.writeValueAsBytes(value);
      return PREFIX
          + subject
          + ":"
          + Base64.getEncoder().encodeToString(keys.encrypt(key, subject, plain));
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot write a personal field", e);
    }
  }

  private JsonNode open(String sealed) {
    int colon = sealed.indexOf(':', PREFIX.length());
    UUID subject = UUID.fromString(sealed.substring(PREFIX.length(), colon));
    Optional<SecretKey> key = keys.keyForReading(subject);
    if (key.isEmpty()) {
      return NullNode.getInstance();
    }
    byte[] plain =
        keys.decrypt(key.get(), subject, Base64.getDecoder().decode(sealed.substring(colon + 1)));
    try {
      return json.readTree(new String(plain, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new SerializationException("personal field of subject " + subject + " unreadable", e);
    }
  }

  private static boolean present(ObjectNode tree, List<String> path) {
    String field = path.get(path.size() - 1);
    return parentsOf(tree, path).stream()
        .map(parent -> parent.get(field))
        .anyMatch(value -> value != null && !value.isNull());
  }

  /** The objects holding the path's last field: one, or one per element of a list on the way. */
  private static List<ObjectNode> parentsOf(ObjectNode tree, List<String> path) {
    List<JsonNode> nodes = List.of(tree);
    for (int i = 0; i < path.size() - 1; i++) {
      String step = path.get(i);
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode node : nodes) {
        if (EACH.equals(step)) {
          if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.forEach(next::add);
          }
        } else if (node instanceof ObjectNode object && object.get(step) != null) {
          next.add(object.get(step));
        }
      }
      nodes = next;
    }
    List<ObjectNode> parents = new ArrayList<>();
    nodes.forEach(
        node -> {
          if (node instanceof ObjectNode object) {
            parents.add(object);
          }
        });
    return parents;
  }

  @Override
  public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
    return delegate.canSerializeTo(expectedRepresentation);
  }

  @Override
  public Class classForType(SerializedType type) {
    return delegate.classForType(type);
  }

  @Override
  public SerializedType typeForClass(Class type) {
    return delegate.typeForClass(type);
  }

  @Override
  public Converter getConverter() {
    return delegate.getConverter();
  }
}
