package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradeledger.it.Apis.Role;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client-api that {@code network.sh up} starts for every organization, over HTTP: it answers
 * from its own organization's peer, knows its users by the keys {@code up} generated, and the keys
 * themselves stay in one owner-only file.
 */
@Order(2)
@ExtendWith(NetworkExtension.class)
final class ApiIT {
  private static NetworkSettings settings;
  private static Apis apis;

  @BeforeAll
  static void readKeys(FabricNetwork running) {
    settings = NetworkSettings.fromSystemProperties();
    apis = Apis.of(settings);
  }

  @ParameterizedTest
  @EnumSource(Organization.class)
  void every_organization_reads_the_founding_members_through_its_own_api(Organization org) {
    HttpResponse<String> response = get(org, "/participants", key(org, "READER"));

    assertThat(response.statusCode()).isEqualTo(200);
    for (Organization member : Organization.values()) {
      assertThat(response.body()).contains("\"mspId\":\"" + member.mspId() + "\"");
    }
  }

  @Test
  void a_request_without_a_key_or_with_another_organizations_key_is_unauthenticated() {
    assertThat(get(Organization.CUSTOMS, "/participants", null).statusCode()).isEqualTo(401);
    assertThat(
            get(Organization.CUSTOMS, "/participants", key(Organization.IMPORTER, "WRITER"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void a_reader_may_not_write() throws Exception {
    HttpResponse<String> response =
        apis.post(
            Organization.CARRIER, "/shipments/none/confirm", key(Organization.CARRIER, "READER"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  /**
   * A write the endorsing peers refuse: the problem carries the contract's code and its message,
   * never the peers' raw responses (one line of "chaincode response 500, ..." per peer).
   */
  @Test
  void a_refused_write_is_a_problem_with_the_contracts_message_only() throws Exception {
    String shipmentId = "missing-" + System.nanoTime();
    HttpResponse<String> response =
        apis.post(
            Organization.CARRIER,
            "/shipments/" + shipmentId + "/confirm",
            key(Organization.CARRIER, "WRITER"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"code\":\"SHIPMENT_NOT_FOUND\"")
        .contains("\"detail\":\"no shipment " + shipmentId + "\"")
        .doesNotContain("chaincode response");
  }

  @Test
  void a_key_in_the_url_is_refused() {
    HttpResponse<String> response =
        get(
            Organization.CUSTOMS,
            "/participants?access_token=" + key(Organization.CUSTOMS, "READER"),
            null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("UNAUTHENTICATED");
  }

  @Test
  void what_became_of_a_transaction_is_asked_by_its_id() throws Exception {
    String reader = key(Organization.INSURER, "READER");
    HttpResponse<String> history =
        get(Organization.INSURER, "/history/PARTICIPANT/ImporterMSP", reader);
    assertThat(history.statusCode()).isEqualTo(200);
    String registration = Json.mapper().readTree(history.body()).get(0).path("txId").asText();
    assertThat(registration).matches("[0-9a-f]{64}");

    HttpResponse<String> committed =
        get(Organization.INSURER, "/transactions/" + registration, reader);
    HttpResponse<String> never =
        get(Organization.INSURER, "/transactions/" + "0".repeat(64), reader);

    assertThat(committed.statusCode()).isEqualTo(200);
    assertThat(committed.body())
        .contains("\"status\":\"VALID\"")
        .contains("\"validationCode\":\"VALID\"")
        .contains("\"blockNumber\":");
    assertThat(never.statusCode()).isEqualTo(200);
    assertThat(never.body()).contains("\"status\":\"UNKNOWN\"");
  }

  @Test
  void the_keys_are_readable_by_their_owner_only() throws IOException {
    assertThat(Files.getPosixFilePermissions(keysFile()))
        .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    assertThat(apis.keys()).hasSize(2 * Organization.values().length);
    for (Organization org : Organization.values()) {
      Path secret =
          settings
              .dataDirectory()
              .resolve("organizations")
              .resolve(org.directory())
              .resolve("terms-salt-secret");
      assertThat(Files.getPosixFilePermissions(secret))
          .as("the terms salt secret of %s", org)
          .isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  private static Path keysFile() {
    return Apis.keysFile(settings);
  }

  private static String key(Organization org, String role) {
    return apis.key(org, Role.valueOf(role));
  }

  private static HttpResponse<String> get(Organization org, String path, String key) {
    return apis.get(org, path, key);
  }
}
