package io.tradeledger.api.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.Role;
import io.tradeledger.api.service.InvalidRequest;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.contract.DocumentAnchor;
import io.tradeledger.contract.DocumentType;
import io.tradeledger.contract.transactions.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.glassfish.jersey.media.multipart.FormDataParam;

/**
 * Trade documents: anchor a file's SHA-256 (sending the file, which is hashed and discarded, or
 * just its hash) and verify a file or hash.
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "documents")
@SecurityRequirement(name = "apiKey")
public final class DocumentResource {
  private static final String OCTET_STREAM_ONLY = "with an application/octet-stream body only";

  private final LedgerService ledger;

  public DocumentResource(LedgerService ledger) {
    this.ledger = ledger;
  }

  /**
   * Anchors a document by its SHA-256 (documents:AnchorDocument), linked to exactly one of an order
   * or a shipment; this organization becomes its issuer. Errors: 404 ORDER_NOT_FOUND or
   * SHIPMENT_NOT_FOUND, 409 DOCUMENT_CONFLICT or DOCUMENT_ALREADY_SUPERSEDED, 422 INVALID_INPUT.
   */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.WRITE)
  @Operation(
      summary = "Anchor a document by its SHA-256, or send the file to be hashed",
      description =
          "JSON with the hash; or the file as application/octet-stream with the other fields as"
              + " query parameters; or a multipart/form-data form with the file in part 'file'."
              + " The file is hashed and discarded.",
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DocumentAnchor.class)),
                @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = "string", format = "binary")),
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA,
                    schemaProperties = {
                      @SchemaProperty(
                          name = "file",
                          schema = @Schema(type = "string", format = "binary")),
                      @SchemaProperty(name = "documentId", schema = @Schema(type = "string")),
                      @SchemaProperty(
                          name = "documentType",
                          schema = @Schema(implementation = DocumentType.class)),
                      @SchemaProperty(name = "orderId", schema = @Schema(type = "string")),
                      @SchemaProperty(name = "shipmentId", schema = @Schema(type = "string")),
                      @SchemaProperty(
                          name = "supersedesDocumentId",
                          schema = @Schema(type = "string"))
                    })
              }),
      parameters = {
        @Parameter(name = "documentId", in = ParameterIn.QUERY, description = OCTET_STREAM_ONLY),
        @Parameter(
            name = "documentType",
            in = ParameterIn.QUERY,
            description = OCTET_STREAM_ONLY,
            schema = @Schema(implementation = DocumentType.class)),
        @Parameter(name = "orderId", in = ParameterIn.QUERY, description = OCTET_STREAM_ONLY),
        @Parameter(name = "shipmentId", in = ParameterIn.QUERY, description = OCTET_STREAM_ONLY),
        @Parameter(
            name = "supersedesDocumentId",
            in = ParameterIn.QUERY,
            description = OCTET_STREAM_ONLY)
      },
      responses =
          @ApiResponse(
              responseCode = "201",
              description = Responses.CREATED,
              content = @Content(schema = @Schema(type = "object"))))
  public Response anchor(@Parameter(hidden = true) @Auth ApiUser user, DocumentAnchor document) {
    return Responses.created(ledger.submit(user, Transactions.ANCHOR_DOCUMENT, document));
  }

  /**
   * Anchors a file sent as the body, its details in the query: the service hashes the file and
   * keeps nothing of it. Errors as for the JSON form; 413 BODY_TOO_LARGE above maxDocumentSize.
   */
  @POST
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @RolesAllowed(Role.WRITE)
  @Operation(hidden = true) // documented with the JSON form: OpenAPI has one POST per path
  public Response anchorFile(
      @Parameter(hidden = true) @Auth ApiUser user,
      @QueryParam("documentId") String documentId,
      @QueryParam("documentType") DocumentType documentType,
      @QueryParam("orderId") String orderId,
      @QueryParam("shipmentId") String shipmentId,
      @QueryParam("supersedesDocumentId") String supersedes,
      InputStream file) {
    return anchorUpload(user, documentId, documentType, orderId, shipmentId, supersedes, file);
  }

  /**
   * Anchors a file sent as a multipart/form-data part {@code file}, its details in the other parts.
   * Errors as for the JSON form; 413 BODY_TOO_LARGE above maxDocumentSize.
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Role.WRITE)
  @Operation(hidden = true) // documented with the JSON form: OpenAPI has one POST per path
  public Response anchorForm(
      @Parameter(hidden = true) @Auth ApiUser user,
      @FormDataParam("documentId") String documentId,
      @FormDataParam("documentType") String documentType,
      @FormDataParam("orderId") String orderId,
      @FormDataParam("shipmentId") String shipmentId,
      @FormDataParam("supersedesDocumentId") String supersedes,
      @FormDataParam("file") InputStream file) {
    return anchorUpload(
        user, documentId, documentType(documentType), orderId, shipmentId, supersedes, file);
  }

  /** A form part is text: an unknown type is refused like an unknown enum value in JSON. */
  private static DocumentType documentType(String name) {
    if (name == null) {
      return null;
    }
    try {
      return DocumentType.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "documentType must be one of " + Arrays.toString(DocumentType.values()));
    }
  }

  private Response anchorUpload(
      ApiUser user,
      String documentId,
      DocumentType documentType,
      String orderId,
      String shipmentId,
      String supersedes,
      InputStream file) {
    if (documentType == null) {
      throw new InvalidRequest("documentType is required");
    }
    DocumentAnchor document =
        new DocumentAnchor(
            documentId, documentType, sha256(required(file)), orderId, shipmentId, supersedes);
    return anchor(user, document);
  }

  /**
   * Whether a SHA-256 is anchored (documents:VerifyDocument): by whom, when, and whether
   * superseded. An unknown hash is 200 with {@code anchored: false}. Errors: 403 NOT_A_PARTICIPANT,
   * 422 INVALID_INPUT.
   */
  @GET
  @Path("/verification/{sha256}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Verify a document hash")
  public Response verify(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("sha256") String sha256) {
    return Responses.ok(ledger.read(user, Transactions.VERIFY_DOCUMENT, sha256));
  }

  /** Verifies a file sent as the body by its SHA-256; as {@link #verify}. */
  @POST
  @Path("/verification")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @RolesAllowed(Role.READ)
  @Operation(
      summary = "Verify a document by its file",
      description =
          "The file as application/octet-stream, or a multipart/form-data form with part 'file'.",
      requestBody =
          @RequestBody(
              required = true,
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = "string", format = "binary")),
                @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA,
                    schemaProperties =
                        @SchemaProperty(
                            name = "file",
                            schema = @Schema(type = "string", format = "binary")))
              }))
  public Response verifyFile(@Parameter(hidden = true) @Auth ApiUser user, InputStream file) {
    return verify(user, sha256(file));
  }

  /** Verifies a file sent as the multipart/form-data part {@code file}; as {@link #verify}. */
  @POST
  @Path("/verification")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed(Role.READ)
  @Operation(hidden = true) // documented with verifyFile: OpenAPI has one POST per path
  public Response verifyForm(
      @Parameter(hidden = true) @Auth ApiUser user, @FormDataParam("file") InputStream file) {
    return verify(user, sha256(required(file)));
  }

  /** One document; 404 DOCUMENT_NOT_FOUND. */
  @GET
  @Path("/{documentId}")
  @RolesAllowed(Role.READ)
  @Operation(summary = "Get a document")
  public Response get(
      @Parameter(hidden = true) @Auth ApiUser user, @PathParam("documentId") String documentId) {
    return Responses.ok(ledger.read(user, Transactions.GET_DOCUMENT, documentId));
  }

  private static InputStream required(InputStream file) {
    if (file == null) {
      throw new InvalidRequest("the file is required");
    }
    return file;
  }

  /** The file's SHA-256; an empty file (also a request without a body) is refused. */
  private static String sha256(InputStream file) {
    try (DigestInputStream digest =
        new DigestInputStream(file, MessageDigest.getInstance("SHA-256"))) {
      if (digest.transferTo(OutputStream.nullOutputStream()) == 0) {
        throw new InvalidRequest("the file is empty: send the document's bytes as the body");
      }
      return HexFormat.of().formatHex(digest.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
