package io.tradeledger.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.ConfigurationFactory;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.integration.resources.OpenApiResource;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tradeledger.api.api.Requests.Terms;
import io.tradeledger.api.auth.ApiKeyAuthenticator;
import io.tradeledger.api.auth.ApiUser;
import io.tradeledger.api.auth.HeaderKeyAuthFilter;
import io.tradeledger.api.auth.ProblemUnauthorizedHandler;
import io.tradeledger.api.auth.RoleAuthorizer;
import io.tradeledger.api.config.ConnectionProfile;
import io.tradeledger.api.config.EventStreams;
import io.tradeledger.api.config.SecretFile;
import io.tradeledger.api.config.TradeLedgerConfiguration;
import io.tradeledger.api.errors.LedgerExceptionMapper;
import io.tradeledger.api.errors.Problem;
import io.tradeledger.api.errors.ProblemDocumentation;
import io.tradeledger.api.errors.ProblemErrorHandler;
import io.tradeledger.api.errors.RequestExceptionMappers;
import io.tradeledger.api.filters.AssetErrors;
import io.tradeledger.api.filters.BodySizeLimit;
import io.tradeledger.api.filters.KeyRateLimit;
import io.tradeledger.api.filters.RedactedRequestLog;
import io.tradeledger.api.filters.SecurityHeaders;
import io.tradeledger.api.health.PeerHealthCheck;
import io.tradeledger.api.ledger.EventCheckpoints;
import io.tradeledger.api.ledger.FabricGatewayLedger;
import io.tradeledger.api.ledger.LedgerPort;
import io.tradeledger.api.ledger.MeteredLedger;
import io.tradeledger.api.ledger.RememberedSubmissions;
import io.tradeledger.api.metrics.LockFreeMetricRegistry;
import io.tradeledger.api.resources.CallerResource;
import io.tradeledger.api.resources.CustomsMandateResource;
import io.tradeledger.api.resources.CustomsResource;
import io.tradeledger.api.resources.DashboardResource;
import io.tradeledger.api.resources.DocumentResource;
import io.tradeledger.api.resources.EventStreamResource;
import io.tradeledger.api.resources.HistoryResource;
import io.tradeledger.api.resources.InsuranceResource;
import io.tradeledger.api.resources.OrderResource;
import io.tradeledger.api.resources.ParticipantResource;
import io.tradeledger.api.resources.ShipmentResource;
import io.tradeledger.api.resources.TransactionResource;
import io.tradeledger.api.service.CanonicalTerms;
import io.tradeledger.api.service.EventFeed;
import io.tradeledger.api.service.LedgerService;
import io.tradeledger.api.service.OrderService;
import io.tradeledger.api.service.TermsSalts;
import io.tradeledger.contract.OrderProposal;
import jakarta.servlet.DispatcherType;
import jakarta.validation.Validator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * The Trade Ledger HTTP service of one organization. Run {@code java -jar client-api.jar server
 * config.yml}; see client-api/README.md.
 */
public class TradeLedgerApplication extends Application<TradeLedgerConfiguration> {

  public static void main(String[] args) throws Exception {
    new TradeLedgerApplication().run(args);
  }

  @Override
  public String getName() {
    return "trade-ledger-api";
  }

  /**
   * Requests are parsed strictly. The configuration keeps Dropwizard's own parsing (unknown keys
   * are errors there too), because overrides such as {@code -Ddw.events.maxStreams=8} arrive as
   * text, which the strict mapper would refuse for a number.
   */
  @Override
  public void initialize(Bootstrap<TradeLedgerConfiguration> bootstrap) {
    // Before anything registers a metric: timers updated on every request, without a lock.
    bootstrap.setMetricRegistry(new LockFreeMetricRegistry());
    ObjectMapper configurationMapper = bootstrap.getObjectMapper().copy();
    bootstrap.setConfigurationFactoryFactory(
        new DefaultConfigurationFactoryFactory<>() {
          @Override
          public ConfigurationFactory<TradeLedgerConfiguration> create(
              Class<TradeLedgerConfiguration> type,
              Validator validator,
              ObjectMapper mapper,
              String propertyPrefix) {
            return super.create(type, validator, configurationMapper, propertyPrefix);
          }
        });
    strict(bootstrap.getObjectMapper());
    // The web dashboard: static files from the jar, no build step, nothing from another host.
    bootstrap.addBundle(
        new AssetsBundle("/dashboard", DashboardResource.PATH, "index.html", "dashboard"));
  }

  /** Unknown properties, unknown enum values, fractions for integers and coercions are errors. */
  public static void strict(ObjectMapper mapper) {
    mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
        .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        // Dates and times travel as ISO-8601 text, as the contract reads them.
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  /**
   * The ledger this service talks to: its organization's peer through the Fabric Gateway, started
   * and stopped with the service. Every API user must name a Fabric user of the profile.
   */
  protected LedgerPort ledger(TradeLedgerConfiguration configuration, Environment environment) {
    ConnectionProfile profile =
        ConnectionProfile.read(environment.getObjectMapper(), configuration.getConnectionProfile());
    configuration.getUsers().forEach(user -> profile.user(user.fabricUser()));
    FabricGatewayLedger ledger = new FabricGatewayLedger(profile, configuration.getDeadlines());
    environment.lifecycle().manage(ledger);
    return ledger;
  }

  @Override
  public void run(TradeLedgerConfiguration configuration, Environment environment) {
    ObjectMapper mapper = environment.getObjectMapper();
    if (configuration.getServerFactory() instanceof DefaultServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
      // Jersey answers a method a path does not take with 405 and its Allow header.
      server.setAllowedMethods(ProblemErrorHandler.HTTP_METHODS);
    }
    if (configuration.getServerFactory() instanceof AbstractServerFactory server) {
      RedactedRequestLog.install(server, environment.getApplicationContext());
    }
    environment
        .servlets()
        .addFilter("security-headers", new SecurityHeaders())
        .addMappingForUrlPatterns(EnumSet.allOf(DispatcherType.class), true, "/*");
    environment
        .servlets()
        .addFilter("asset-errors", new AssetErrors(mapper))
        .addMappingForUrlPatterns(
            EnumSet.of(DispatcherType.REQUEST), true, DashboardResource.PATH + "*");
    ProblemErrorHandler errors = new ProblemErrorHandler(mapper);
    environment.getApplicationContext().setErrorHandler(errors);
    environment.getAdminContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));
    RememberedSubmissions remembered =
        new RememberedSubmissions(
            ledger(configuration, environment),
            configuration.getSubmissionDirectory(),
            Clock.systemUTC());
    environment.lifecycle().manage(remembered);
    LedgerPort ledger = new MeteredLedger(remembered, environment.metrics());
    LedgerService ledgerService = new LedgerService(ledger, mapper);
    CanonicalTerms canonical = new CanonicalTerms(mapper);
    byte[] saltSecret =
        SecretFile.readOrCreate(configuration.getTermsSaltSecretFile(), new SecureRandom());
    OrderService orderService =
        new OrderService(ledgerService, canonical, new TermsSalts(saltSecret, canonical));

    EventStreams events = configuration.getEvents();
    EventCheckpoints checkpoints = new EventCheckpoints(events.checkpointDirectory());
    environment.lifecycle().manage(checkpoints);
    // One thread per open stream, none queued: a stream beyond maxStreams is refused at once.
    ExecutorService streams =
        environment
            .lifecycle()
            .executorService("event-stream-%d")
            .minThreads(events.maxStreams())
            .maxThreads(events.maxStreams())
            .allowCoreThreadTimeOut(true)
            .workQueue(new SynchronousQueue<>())
            .build();
    ScheduledExecutorService heartbeats =
        environment.lifecycle().scheduledExecutorService("event-heartbeat-%d").build();
    // Managed after the executors, so stopped before them: open streams end, threads come free.
    EventFeed feed = new EventFeed(ledger, checkpoints);
    environment.lifecycle().manage(feed);
    // Ended as soon as the server starts stopping, too: its graceful shutdown waits for requests in
    // flight, an open stream among them, and would otherwise wait its whole grace period (30 s)
    // before any managed object, the feed included, is stopped.
    environment
        .lifecycle()
        .addEventListener(
            new LifeCycle.Listener() {
              @Override
              public void lifeCycleStopping(LifeCycle server) {
                feed.stop();
              }
            });
    environment.metrics().registerGauge("events.open-streams", feed::openSubscriptions);

    var jersey = environment.jersey();
    jersey.register(
        new AuthDynamicFeature(
            new HeaderKeyAuthFilter.Builder()
                .setAuthenticator(new ApiKeyAuthenticator(configuration.getUsers()))
                .setAuthorizer(new RoleAuthorizer())
                .setPrefix("Bearer")
                .setRealm("trade-ledger")
                .setUnauthorizedHandler(new ProblemUnauthorizedHandler())
                .buildAuthFilter()));
    jersey.register(RolesAllowedDynamicFeature.class);
    jersey.register(
        new KeyRateLimit(
            configuration.getRateLimit().requestsPerSecond(),
            configuration.getRateLimit().burst()));
    jersey.register(new AuthValueFactoryProvider.Binder<>(ApiUser.class));
    jersey.register(MultiPartFeature.class);
    jersey.register(
        new BodySizeLimit(
            configuration.getMaxRequestSize().toBytes(),
            configuration.getMaxDocumentSize().toBytes()));
    jersey.register(new LedgerExceptionMapper());
    jersey.register(new RequestExceptionMappers.Json());
    jersey.register(new RequestExceptionMappers.Invalid());
    jersey.register(new RequestExceptionMappers.Contract());
    jersey.register(new RequestExceptionMappers.Web());
    jersey.register(new RequestExceptionMappers.Unexpected());

    jersey.register(new ParticipantResource(ledgerService));
    jersey.register(new OrderResource(ledgerService, orderService));
    jersey.register(new ShipmentResource(ledgerService));
    jersey.register(new CustomsResource(ledgerService));
    jersey.register(new CustomsMandateResource(ledgerService));
    jersey.register(new InsuranceResource(ledgerService));
    jersey.register(new DocumentResource(ledgerService));
    jersey.register(new HistoryResource(ledgerService));
    jersey.register(new TransactionResource(ledgerService));
    jersey.register(new CallerResource(ledger.mspId()));
    jersey.register(new DashboardResource());
    jersey.register(new EventStreamResource(feed, streams, heartbeats, events.heartbeat()));
    jersey.register(openApi());

    environment.healthChecks().register("peer", new PeerHealthCheck(ledger));
  }

  /**
   * The schemas the resources name: Problem, and the body of POST /orders, which is the contract's
   * OrderProposal without its termsHash (the service computes it) and with the confidential terms.
   */
  @SuppressWarnings({"rawtypes", "unchecked"}) // swagger-core's models are raw types
  private static Map<String, Schema> schemas() {
    ModelConverters converters = ModelConverters.getInstance();
    Map<String, Schema> schemas = new TreeMap<>(converters.read(Problem.class));
    schemas.putAll(converters.readAll(OrderProposal.class));
    schemas.putAll(converters.readAll(Terms.class));
    Map<String, Schema> order = new LinkedHashMap<>(schemas.get("OrderProposal").getProperties());
    order.remove("termsHash");
    order.put("terms", new Schema<>().$ref("#/components/schemas/Terms"));
    schemas.put(
        "ProposeOrder",
        new ObjectSchema()
            .description("an order to propose: OrderProposal without termsHash, with the terms")
            .properties(order));
    return schemas;
  }

  private static OpenApiResource openApi() {
    OpenAPI document =
        new OpenAPI()
            .info(
                new Info()
                    .title("Trade Ledger API")
                    .version("1.0")
                    .description(
                        "One organization's view of the trade ledger. Authenticate with"
                            + " 'Authorization: Bearer <API key>'. Errors are"
                            + " application/problem+json with a stable code."))
            .components(
                new Components()
                    .schemas(schemas())
                    .addSecuritySchemes(
                        "apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    SwaggerConfiguration configuration =
        new SwaggerConfiguration()
            .openAPI(document)
            .prettyPrint(true)
            .filterClass(ProblemDocumentation.class.getName())
            .resourcePackages(Set.of("io.tradeledger.api.resources"));
    OpenApiResource resource = new OpenApiResource();
    resource.setOpenApiConfiguration(configuration);
    return resource;
  }
}
