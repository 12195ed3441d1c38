package io.tradeledger.chaincode.json;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradeledger.contract.errors.ErrorCode;
import io.tradeledger.contract.errors.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one JSON mapper of the contract. Every byte stored on the ledger, emitted as an event or
 * returned to a client is produced here: properties sorted by name, map entries sorted by key,
 * absent optional values omitted, times as ISO-8601 strings. Parsing is strict: unknown properties,
 * duplicate keys, unknown enum values, fractions where integers belong and scalar coercions are
 * rejected.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          // Registered after JavaTimeModule, so it takes precedence for Instant.
          .addModule(
              new SimpleModule("canonical-instants")
                  .addDeserializer(Instant.class, new InstantReader()))
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  /**
   * A reader and a writer for each type, built once: the mapper would otherwise look up the type's
   * (de)serializer and configuration again for every value.
   */
  private static final ClassValue<ObjectReader> READERS =
      new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
          return MAPPER.readerFor(type);
        }
      };

  private static final ClassValue<ObjectWriter> WRITERS =
      new ClassValue<>() {
        @Override
        protected ObjectWriter computeValue(Class<?> type) {
          return MAPPER.writerFor(type);
        }
      };

  /** The largest JSON argument accepted (a batch of 500 events fits several times). */
  public static final int MAX_INPUT_CHARS = 2 * 1024 * 1024;

  private CanonicalJson() {}

  /** The canonical JSON text of a value. */
  public static String write(Object value) {
    try {
      return value == null
          ? MAPPER.writeValueAsString(null)
          : WRITERS.get(value.getClass()).writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The canonical UTF-8 bytes of a value: what goes on the ledger. */
  public static byte[] bytes(Object value) {
    return write(value).getBytes(UTF_8);
  }

  /**
   * Parses client input. Any problem, including a domain rule broken in a record's constructor,
   * becomes an {@link ErrorCode#INVALID_INPUT} (or the domain's own code) naming the field.
   */
  public static <T> T parse(String json, Class<T> type) {
    return parse(json, READERS.get(type));
  }

  /** Parses client input into a generic type such as a list of records. */
  public static <T> T parse(String json, JavaType type) {
    return parse(json, MAPPER.readerFor(type));
  }

  private static <T> T parse(String json, ObjectReader reader) {
    if (json == null || json.isBlank()) {
      throw ErrorCode.INVALID_INPUT.exception("the argument must be a JSON document");
    }
    if (json.length() > MAX_INPUT_CHARS) {
      throw ErrorCode.INVALID_INPUT.exception(
          "the argument has %d characters; at most %d are accepted",
          json.length(), MAX_INPUT_CHARS);
    }
    try {
      return reader.readValue(json);
    } catch (JsonMappingException e) {
      List<Object> path = path(e);
      // A record that broke a rule names its own field; prefix where it sits: "lines[2].unit ...".
      Optional<Violation> broken = Violation.of(e);
      if (broken.isPresent()) {
        throw broken.get().at(path).exception();
      }
      String location = path.isEmpty() ? "" : Violation.path(path) + ": ";
      throw ErrorCode.INVALID_INPUT.exception("%s%s", location, e.getOriginalMessage());
    } catch (IOException e) {
      throw ErrorCode.INVALID_INPUT.exception("malformed JSON: %s", e.getMessage());
    }
  }

  /** Reads a value this contract stored itself; a failure here is a bug, not bad input. */
  public static <T> T read(byte[] stored, Class<T> type) {
    try {
      return READERS.get(type).readValue(stored);
    } catch (IOException e) {
      throw new UncheckedIOException("stored value is not a valid " + type.getSimpleName(), e);
    }
  }

  /** Reads a stored value as a tree, keeping its (already canonical) property order. */
  public static JsonNode readTree(byte[] stored) {
    try {
      return MAPPER.readTree(stored);
    } catch (IOException e) {
      throw new UncheckedIOException("stored value is not JSON", e);
    }
  }

  /** A type for {@link #parse(String, JavaType)}, e.g. {@code listOf(Participant.class)}. */
  public static JavaType listOf(Class<?> element) {
    return MAPPER.getTypeFactory().constructCollectionType(java.util.List.class, element);
  }

  private static List<Object> path(JsonMappingException error) {
    return error.getPath().stream()
        .<Object>map(
            field -> field.getFieldName() != null ? field.getFieldName() : field.getIndex())
        .toList();
  }
}
