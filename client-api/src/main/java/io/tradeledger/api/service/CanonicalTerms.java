package io.tradeledger.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeledger.contract.ConfidentialTerms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The confidential terms in the contract's canonical form: properties sorted by name at every
 * level, no white space, no nulls. Both parties store exactly these bytes and the order carries
 * their SHA-256, so they must equal what the contract's own mapper writes for the same terms.
 */
public final class CanonicalTerms {
  private final ObjectMapper mapper;

  public CanonicalTerms(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The canonical UTF-8 bytes of the terms. */
  public byte[] bytes(ConfidentialTerms terms) {
    try {
      return mapper
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(sorted(mapper.valueToTree(terms)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads terms back from their canonical JSON, as GetOrderTerms returns them. */
  public ConfidentialTerms parse(byte[] json) throws IOException {
    return mapper.readValue(json, ConfidentialTerms.class);
  }

  /** The lower-case hex SHA-256 of some bytes. */
  public static String sha256(byte[] value) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      Map<String, JsonNode> fields = new TreeMap<>();
      node.properties().forEach(field -> fields.put(field.getKey(), field.getValue()));
      ObjectNode result = mapper.createObjectNode();
      fields.forEach(
          (name, value) -> {
            if (!value.isNull()) {
              result.set(name, sorted(value));
            }
          });
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = mapper.createArrayNode();
      node.forEach(element -> result.add(sorted(element)));
      return result;
    }
    return node;
  }
}
