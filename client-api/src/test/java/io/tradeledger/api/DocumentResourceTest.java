package io.tradeledger.api;

import static io.tradeledger.api.TestApi.MAPPER;
import static io.tradeledger.api.TestApi.READER;
import static io.tradeledger.api.TestApi.WRITER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.service.CanonicalTerms;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.media.multipart.file.StreamDataBodyPart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Documents over HTTP: uploads as octet-stream or as a form, anchored and verified by their
 * SHA-256. Every test runs the whole application on its own fake ledger.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DocumentResourceTest {
  private final FakeLedgerPort ledger = new FakeLedgerPort();
  private final TestApi api = new TestApi(ledger);

  @Test
  void an_uploaded_document_is_anchored_by_its_sha256() {
    byte[] file = "invoice 42".getBytes(StandardCharsets.UTF_8);

    Response response =
        api.target()
            .path("/documents")
            .queryParam("documentId", "inv-1")
            .queryParam("documentType", "COMMERCIAL_INVOICE")
            .queryParam("orderId", "o-1")
            .request()
            .header("Authorization", WRITER)
            .post(Entity.entity(file, MediaType.APPLICATION_OCTET_STREAM_TYPE));

    assertThat(response.getStatus()).isEqualTo(201);
    assertThat(ledger.last().call().qualifiedName()).isEqualTo("documents:AnchorDocument");
    assertThat(ledger.last().call().arguments().get(0))
        .contains("\"sha256\":\"" + CanonicalTerms.sha256(file) + "\"")
        .contains("\"documentType\":\"COMMERCIAL_INVOICE\"");
  }

  @Test
  void a_document_uploaded_as_a_form_is_anchored_and_verified_by_its_sha256() throws Exception {
    byte[] file = "bill of lading 7".getBytes(StandardCharsets.UTF_8);
    Client multipart = ClientBuilder.newClient().register(MultiPartFeature.class);
    try (FormDataMultiPart form =
            new FormDataMultiPart()
                .field("documentId", "bl-7")
                .field("documentType", "BILL_OF_LADING")
                .field("shipmentId", "s-1");
        FormDataMultiPart verification = new FormDataMultiPart()) {
      form.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(file)));
      verification.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(file)));
      var documents = multipart.target(api.uri()).path("/documents");

      Response anchored =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(form, form.getMediaType()));
      assertThat(anchored.getStatus()).isEqualTo(201);
      JsonNode anchor = MAPPER.readTree(ledger.last().call().arguments().get(0));
      assertThat(anchor.path("sha256").asText()).isEqualTo(CanonicalTerms.sha256(file));
      assertThat(anchor.path("shipmentId").asText()).isEqualTo("s-1");
      assertThat(anchor.has("orderId")).isFalse();

      Response verified =
          documents
              .path("verification")
              .request()
              .header("Authorization", READER)
              .post(Entity.entity(verification, verification.getMediaType()));
      assertThat(verified.getStatus()).isEqualTo(200);
      assertThat(ledger.last().call().qualifiedName()).isEqualTo("documents:VerifyDocument");
      assertThat(ledger.last().call().arguments()).containsExactly(CanonicalTerms.sha256(file));
    } finally {
      multipart.close();
    }
  }

  @Test
  void a_form_without_its_file_or_with_an_unknown_document_type_is_refused() throws Exception {
    Client multipart = ClientBuilder.newClient().register(MultiPartFeature.class);
    try (FormDataMultiPart noFile =
            new FormDataMultiPart().field("documentId", "bl-7").field("documentType", "OTHER");
        FormDataMultiPart badType =
            new FormDataMultiPart().field("documentId", "bl-7").field("documentType", "RECEIPT")) {
      badType.bodyPart(new StreamDataBodyPart("file", new ByteArrayInputStream(new byte[] {1})));
      var documents = multipart.target(api.uri()).path("/documents");

      Response missing =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(noFile, noFile.getMediaType()));
      Response unknown =
          documents
              .request()
              .header("Authorization", WRITER)
              .post(Entity.entity(badType, badType.getMediaType()));

      assertThat(missing.getStatus()).isEqualTo(422);
      assertThat(api.problem(missing).path("code").asText()).isEqualTo("INVALID_INPUT");
      assertThat(unknown.getStatus()).isEqualTo(400);
      assertThat(unknown.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
      assertThat(ledger.calls).isEmpty();
    } finally {
      multipart.close();
    }
  }
}
