package io.tradeledger.api.errors;

import io.swagger.v3.core.filter.AbstractSpecFilter;
import io.swagger.v3.core.model.ApiDescription;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.tradeledger.api.openapi.RequestConstraints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Completes each operation of the OpenAPI document with the answers every route shares: its success
 * (the contract's JSON unless the route says otherwise) and the problems it may return, which reads
 * and writes differ in. Written once here rather than on each of the resource methods.
 */
public final class ProblemDocumentation extends AbstractSpecFilter {
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  private static final Map<String, String> READ_PROBLEMS =
      Map.of(
          "400", "INVALID_REQUEST: a malformed path, query parameter or header",
          "401", "UNAUTHENTICATED: no or an unknown API key",
          "403", "ACCESS_DENIED, ROLE_REQUIRED, NOT_A_PARTICIPANT",
          "404", "<RECORD>_NOT_FOUND, also for records this organization may not see",
          "422", "INVALID_INPUT",
          "429", "RATE_LIMITED: this API key sent too many requests; see Retry-After",
          "502", "LEDGER_ERROR: the peer answered with something unexpected",
          "503", "PEER_UNAVAILABLE: the peer cannot be reached");

  private static final Map<String, String> WRITE_PROBLEMS =
      Map.of(
          "400", "INVALID_JSON: malformed JSON, an unknown property or enum value, a wrong type",
          "403", "FORBIDDEN: a READER writing",
          "409",
              "<RECORD>_CONFLICT (same id, other content), <RECORD>_INVALID_TRANSITION,"
                  + " ENDORSEMENT_POLICY_FAILURE, MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT or"
                  + " ENDORSEMENT_MISMATCH once the request deadline ends the retries, ...",
          "413", "BODY_TOO_LARGE",
          "503",
              "ENDORSERS_UNAVAILABLE: the organizations whose endorsement the change needs could"
                  + " not endorse it; nothing was ordered",
          "422", "the contract's rule violations (TERMS_HASH_MISMATCH, ...)",
          "504", "OUTCOME_UNKNOWN: not committed before the deadline; txId names it");

  /** The contract's input rules on the request schemas (see {@link RequestConstraints}). */
  @Override
  public Optional<OpenAPI> filterOpenAPI(
      OpenAPI openApi,
      Map<String, List<String>> params,
      Map<String, String> cookies,
      Map<String, List<String>> headers) {
    RequestConstraints.apply(openApi);
    return Optional.of(openApi);
  }

  @Override
  public Optional<Operation> filterOperation(
      Operation operation,
      ApiDescription api,
      Map<String, List<String>> params,
      Map<String, String> cookies,
      Map<String, List<String>> headers) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    ApiResponse fallback = responses.remove("default");
    if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
      responses.addApiResponse(
          "200",
          new ApiResponse()
              .description("the contract's JSON result; see docs/CONTRACT.md")
              .content(
                  fallback != null && fallback.getContent() != null
                      ? fallback.getContent()
                      : json(new ObjectSchema())));
    }
    Map<String, String> problems = new TreeMap<>(READ_PROBLEMS);
    if (!"GET".equalsIgnoreCase(api.getMethod())) {
      WRITE_PROBLEMS.forEach(
          (status, codes) -> problems.merge(status, codes, ProblemDocumentation::both));
    }
    problems.forEach((status, codes) -> responses.addApiResponse(status, problem(codes)));
    operation.setResponses(responses);
    return Optional.of(operation);
  }

  private static String both(String first, String second) {
    return first + "; " + second;
  }

  private static ApiResponse problem(String codes) {
    return new ApiResponse()
        .description(codes)
        .content(
            new Content()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA))));
  }

  private static Content json(Schema<?> schema) {
    return new Content()
        .addMediaType(
            jakarta.ws.rs.core.MediaType.APPLICATION_JSON, new MediaType().schema(schema));
  }
}
