package io.tradeledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeledger.it.Apis.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboards the five client-apis serve, in Debian's Chromium (headless) on the real
 * network: one trade carried from proposal to COMPLETED by the users of the five organizations
 * through their own dashboards' forms alone, insured, with a claim filed and decided; facts
 * appearing live on another organization's page and in the insurer's inbox; problems of the API
 * shown next to their fields; a READER offered no action; a document verified by hashing a file in
 * the browser; two actions (an acceptance, a claim decision) taken with the keyboard alone, from
 * the sign-in on; every form control labelled; the pages at a phone's width without sideways
 * scrolling. Screenshots of each page go to {@code target/screenshots/}, with the trade page's
 * weight and load time.
 */
@Order(3)
@ExtendWith(NetworkExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class DashboardIT {
  private static final Logger LOG = LoggerFactory.getLogger(DashboardIT.class);
  private static final DateTimeFormatter LOCAL_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private static Apis apis;
  private static Browser browser;
  private static Browser watcher;
  private static String orderId;
  private static String terms;
  private static Path invoice;
  private static Path certificate;
  private static Path survey;

  @BeforeAll
  static void openBrowsers(FabricNetwork running) throws IOException {
    apis = Apis.of(NetworkSettings.fromSystemProperties());
    browser = new Browser(apis);
    watcher = new Browser(apis);
    orderId = "PO-WEB-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    invoice = Files.createTempFile("invoice-", ".txt");
    Files.writeString(invoice, "Commercial invoice of " + orderId + "\n", StandardCharsets.UTF_8);
    certificate = Files.createTempFile("certificate-", ".txt");
    Files.writeString(certificate, "Insurance certificate for " + orderId + "\n");
    survey = Files.createTempFile("survey-", ".txt");
    Files.writeString(survey, "Survey report: 20 cartons of " + orderId + " wet\n");
  }

  @AfterAll
  static void closeBrowsers() throws IOException {
    for (Browser open : new Browser[] {browser, watcher}) {
      if (open != null) {
        open.close();
      }
    }
    for (Path file : new Path[] {invoice, certificate, survey}) {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  @Test
  @Order(1)
  void the_root_opens_the_dashboard_and_a_wrong_key_is_refused_at_its_field() {
    browser.driver().get(apis.url(Organization.IMPORTER).resolve("/").toString());
    browser.waitFor("the sign-in form", () -> browser.visible("sign-in"));
    assertThat(browser.driver().getCurrentUrl()).contains("/dashboard/");
    assertThat(browser.unlabelledControls()).isEmpty();
    browser.screenshot("sign-in");

    browser.type("api-key", "not-a-key-of-this-organization");
    browser.element("api-key").submit();

    browser.waitFor("the refusal next to the key", () -> browser.visible("api-key-problem"));
    assertThat(browser.text("api-key-problem")).contains("not valid");
    assertThat(browser.attribute("api-key", "aria-invalid")).isEqualTo("true");
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
  }

  @Test
  @Order(2)
  void the_importer_proposes_and_a_problem_of_the_api_is_shown_next_to_its_field() {
    browser.open(Organization.IMPORTER, Role.WRITER, "/trades");
    assertThat(browser.text("who-role")).isEqualTo("WRITER");
    browser.click("open-propose");
    browser.element("propose-orderId");
    assertThat(browser.unlabelledControls()).isEmpty();
    browser.type("propose-orderId", orderId);
    browser.choose("propose-sellerMsp", Organization.EXPORTER.mspId());
    browser.choose("propose-currency", "EUR");
    // Two lines and two charges, EUR 125,000.00 in all: 500 x 240.00 + 500 x 6.00 + 1,500 + 500.
    line(1, "851712", "Mobile phones", "500", "240.00");
    browser.click("propose-lines-add");
    assertThat(browser.focused()).isEqualTo("propose-lines-2-hsCode");
    line(2, "850440", "Chargers", "500", "6.00");
    browser.type("propose-lines-2-unit", "PIECES");
    browser.click("propose-charges-add");
    browser.type("propose-charges-1-description", "Freight to " + Trade.PORT_OF_DISCHARGE);
    browser.type("propose-charges-1-amount", "1500.00");
    browser.click("propose-charges-add");
    browser.type("propose-charges-2-description", "Marine insurance");
    browser.type("propose-charges-2-amount", "500.00");
    browser.choose("propose-incoterm", "CIF");
    browser.type("propose-incotermPlace", Trade.PORT_OF_DISCHARGE);
    browser.type("propose-origin", "CNSZX");
    browser.type("propose-destination", Trade.PORT_OF_DISCHARGE);
    browser.type("propose-clauses", "Seller warrants 24 months");
    // A date long past: the contract refuses it, and the page says so at the date.
    browser.choose("propose-requestedDeliveryDate", "2020-01-31");
    browser.click("propose-submit");

    // The second line's unit is no UN/ECE Rec 20 code: the problem is at that line's unit.
    browser.waitFor(
        "the refusal at the second line's unit",
        () -> browser.visible("propose-lines-2-unit-problem"));
    assertThat(browser.text("propose-lines-2-unit-problem"))
        .startsWith("INVALID_INPUT: lines[1].unit");
    assertThat(browser.focused()).isEqualTo("propose-lines-2-unit");
    assertThat(browser.visible("propose-lines-1-unit-problem")).isFalse();
    browser.type("propose-lines-2-unit", "H87");
    browser.click("propose-submit");

    browser.waitFor(
        "DATE_IN_PAST at the requested delivery date",
        () -> browser.visible("propose-requestedDeliveryDate-problem"));
    assertThat(browser.text("propose-requestedDeliveryDate-problem")).startsWith("DATE_IN_PAST");
    assertThat(browser.attribute("propose-requestedDeliveryDate", "aria-invalid"))
        .isEqualTo("true");
    assertThat(browser.problemOf("propose")).hasValueSatisfying(p -> p.contains("DATE_IN_PAST"));
    browser.screenshot("problem-at-its-field");

    browser.choose(
        "propose-requestedDeliveryDate",
        LocalDateTime.now().plusDays(180).toLocalDate().toString());
    browser.submit("propose", "the proposal", () -> browser.present("proposed-terms"));
    terms = browser.element("proposed-terms").getAttribute("value");
    JsonNode proposed = Json.read(terms);
    assertThat(proposed.path("salt").asText()).isNotEmpty();
    assertThat(proposed.path("linePrices")).hasSize(2);
    assertThat(proposed.path("charges")).hasSize(2);
    JsonNode order = apis.read(Organization.IMPORTER, "/orders/" + orderId);
    assertThat(order.path("lines")).hasSize(2);
    assertThat(order.path("totalValue").path("amount").asLong()).isEqualTo(12_500_000L);
    browser.screenshot("trades-proposed");
  }

  @Test
  @Order(3)
  void a_reader_is_offered_no_action_the_writer_of_the_same_organization_has() {
    browser.open(Organization.IMPORTER, Role.WRITER, "/trades/" + orderId);
    browser.waitFor("the buyer's cancel form", () -> browser.present("cancel"));

    watcher.open(Organization.IMPORTER, Role.READER, "/trades/" + orderId);
    watcher.waitFor("the trade page", () -> watcher.present("stage"));
    assertThat(watcher.text("who-role")).isEqualTo("READER");
    assertThat(watcher.present("reader-note")).isTrue();
    for (String form : List.of("actions", "cancel", "anchor", "accept", "propose")) {
      assertThat(watcher.present(form)).as(form).isFalse();
    }
    watcher.open(Organization.IMPORTER, Role.READER, "/trades");
    watcher.waitFor("the trades table", () -> watcher.present("trades-table"));
    assertThat(watcher.present("open-propose")).isFalse();
  }

  @Test
  @Order(4)
  void the_exporter_signs_in_and_accepts_from_its_inbox_with_the_keyboard_alone_shown_live() {
    watcher.open(Organization.IMPORTER, Role.READER, "/trades/" + orderId);
    watcher.waitFor(
        "the importer's page to be live",
        () ->
            "live".equals(watcher.attribute("live-state", "data-state"))
                && watcher.present("stage"));
    watcher.script("window.notReloaded = true");
    assertThat(watcher.attribute("stage", "data-stage")).isEqualTo("PROPOSED");

    // Keys only from here on: Tab, Enter and typing, no click.
    browser.signInWithKeyboard(Organization.EXPORTER, Role.WRITER, "/inbox");
    String item = "#inbox-items a[href='#/trades/" + orderId + "/accept']";
    browser.waitFor(
        "the order in the inbox",
        () -> !browser.driver().findElements(By.cssSelector(item)).isEmpty());
    assertThat(browser.unlabelledControls()).isEmpty();
    browser.screenshot("inbox");
    browser.tabTo(item);
    browser.keys(Keys.ENTER);
    // The inbox's link leads to the form, with the focus in its first field.
    browser.waitFor("the focus in the terms field", () -> "accept-terms".equals(browser.focused()));
    assertThat(browser.unlabelledControls()).isEmpty();
    browser.keys(terms);
    browser.tabTo("#accept-submit");
    browser.keys(Keys.ENTER);
    browser.waitFor(
        "the acceptance, said where the focus is",
        () ->
            "ACCEPTED".equals(browser.attribute("stage", "data-stage"))
                && "action-result".equals(browser.focused()));
    assertThat(browser.text("action-result")).startsWith("Accepted.");
    assertThat(browser.problemOf("accept")).isEmpty();
    // Back up to the skip link: it moves the focus to the content and leaves the page as it is.
    String page = browser.driver().getCurrentUrl();
    browser.tabBackTo("a.skip");
    browser.keys(Keys.ENTER);
    browser.waitFor("the focus on the content", () -> "main".equals(browser.focused()));
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(page);
    assertThat(browser.present("action-result")).isTrue();

    watcher.waitFor(
        "the acceptance on the importer's page without a reload",
        () -> "ACCEPTED".equals(watcher.attribute("stage", "data-stage")));
    assertThat(watcher.script("return window.notReloaded === true")).isEqualTo(true);
    assertThat(
            watcher
                .driver()
                .findElements(org.openqa.selenium.By.cssSelector("[data-event='OrderAccepted']")))
        .isNotEmpty();
    watcher.screenshot("live-update-on-the-importers-page");
  }

  @Test
  @Order(5)
  void the_exporter_books_and_anchors_the_invoice_and_the_carrier_reports_the_voyage() {
    browser.open(Organization.EXPORTER, Role.WRITER, "/trades/" + orderId + "/book");
    browser.choose("book-carrierMsp", Organization.CARRIER.mspId());
    browser.type("book-transportDocumentNumber", "MAEU-" + orderId);
    browser.type("book-containers", Trade.CONTAINER);
    browser.submit(
        "book",
        "the booking",
        () ->
            browser.text("shipments-title").length() > 0
                && browser.text("view").contains("SH-" + orderId + ": Booked"));
    assertThat(browser.text("order-lines")).contains("850440", "Chargers");
    browser.choose("anchor-documentType", "COMMERCIAL_INVOICE");
    browser.attach("anchor-file", invoice);
    browser.submit("anchor", "the anchoring of the invoice", () -> browser.present("documents"));

    browser.open(Organization.CARRIER, Role.WRITER, "/trades/" + orderId);
    browser.submit(
        "confirm-shipment", "the confirmation", () -> browser.text("view").contains(": Confirmed"));
  }

  @Test
  @Order(6)
  void the_insurer_issues_cover_before_departure_and_the_carrier_reports_the_voyage()
      throws IOException {
    // An insurer takes part in a trade once it covers it (the trades page says so): before, it
    // opens the trade by its id.
    browser.open(Organization.INSURER, Role.WRITER, "/trades");
    browser.waitFor(
        "the insurer's note on the trades page", () -> browser.present("assessor-note"));
    browser.open(Organization.INSURER, Role.WRITER, "/inbox");
    browser.waitFor(
        "the note that the ledger lists a trade for an insurer once it covers it",
        () -> browser.present("assessor-note"));
    assertThat(browser.text("inbox-list")).doesNotContain(orderId);
    browser.type("open-order", orderId);
    browser.element("open-order").submit();
    browser.waitFor("the policy form", () -> browser.present("issue-policy"));
    assertThat(browser.unlabelledControls()).isEmpty();
    // Under CIF the seller insures and the buyer may claim: the form proposes exactly that.
    assertThat(browser.attribute("issue-policy-insuredMsp", "value"))
        .isEqualTo(Organization.EXPORTER.mspId());
    assertThat(browser.attribute("issue-policy-beneficiaryMsps", "value"))
        .isEqualTo(Organization.IMPORTER.mspId());
    assertThat(browser.attribute("issue-policy-coverAmount", "value")).isEqualTo("137500.00");
    // Cover below 110% of the order's value: the contract refuses, the page says so at the cover.
    browser.type("issue-policy-coverAmount", "100000.00");
    browser.attach("issue-policy-certificate", certificate);
    browser.click("issue-policy-submit");
    browser.waitFor(
        "POLICY_COVER_INSUFFICIENT at the cover",
        () -> browser.visible("issue-policy-coverAmount-problem"));
    assertThat(browser.text("issue-policy-coverAmount-problem"))
        .startsWith("POLICY_COVER_INSUFFICIENT");
    assertThat(browser.focused()).isEqualTo("issue-policy-coverAmount");

    browser.type("issue-policy-coverAmount", "137500.00");
    browser.submit("issue-policy", "the policy", () -> browser.present("policies"));
    String policies = browser.text("policies");
    assertThat(policies)
        .contains("POL-" + orderId, "SH-" + orderId, Organization.INSURER.mspId())
        .contains(Organization.EXPORTER.mspId(), Organization.IMPORTER.mspId(), "ICC A")
        .contains(Hashes.sha256(Files.readAllBytes(certificate)));
    JsonNode policy = apis.read(Organization.INSURER, "/policies/POL-" + orderId);
    assertThat(policy.path("coverAmount").path("amount").asLong()).isEqualTo(13_750_000L);
    // Now the insurer takes part in the trade: the ledger lists it on the insurer's trades page.
    browser.open(Organization.INSURER, Role.READER, "/trades");
    browser.waitFor(
        "the covered trade on the insurer's trades page",
        () -> browser.present("trades-table") && browser.text("trades-table").contains(orderId));

    browser.open(Organization.CARRIER, Role.WRITER, "/trades/" + orderId);
    Instant now = Instant.now();
    event("TRANSPORT:DEPARTED", "CNSZX", now.minus(30, ChronoUnit.MINUTES), "IN_TRANSIT");
    event(
        "TRANSPORT:ARRIVED", Trade.PORT_OF_DISCHARGE, now.minus(20, ChronoUnit.MINUTES), "ARRIVED");
  }

  @Test
  @Order(7)
  void customs_releases_the_declaration_the_importer_filed() {
    browser.open(Organization.IMPORTER, Role.WRITER, "/trades/" + orderId + "/declare");
    browser.choose("declare-customsMsp", Organization.CUSTOMS.mspId());
    browser.submit(
        "declare", "the declaration", () -> browser.text("waiting").contains("Decide declaration"));

    // The declaration names the customs authority: the ledger lists the trade for it, and the
    // decision waits in its inbox, one action away.
    browser.open(Organization.CUSTOMS, Role.WRITER, "/inbox");
    String decideItem = "#inbox-items a[href='#/trades/" + orderId + "/decide']";
    browser.waitFor(
        "the declaration to decide in the customs inbox",
        () -> !browser.driver().findElements(By.cssSelector(decideItem)).isEmpty());
    browser.driver().findElement(By.cssSelector(decideItem)).click();
    browser.waitFor("the decision form", () -> browser.present("decide"));
    browser.choose("decide-decision", "RELEASED");
    browser.type("decide-assessedDuties", "1000.00");
    browser.submit(
        "decide", "the release", () -> browser.attribute("stage", "data-stage").equals("RELEASED"));
  }

  @Test
  @Order(8)
  void the_buyer_claims_under_the_sellers_policy_and_the_insurers_inbox_shows_it_live() {
    // The insurer's dashboard in the other browser, signed in with the keyboard, waits live.
    watcher.signInWithKeyboard(Organization.INSURER, Role.WRITER, "/inbox");
    watcher.waitFor(
        "the insurer's inbox to be live",
        () ->
            "live".equals(watcher.attribute("live-state", "data-state"))
                && (watcher.present("inbox-items") || watcher.present("inbox-empty")));
    assertThat(claimItem().isEmpty()).isTrue();

    // The buyer is the policy's beneficiary: it claims, with a survey as evidence.
    browser.open(Organization.IMPORTER, Role.WRITER, "/trades/" + orderId + "/claim");
    browser.waitFor("the focus in the claim form", () -> browser.focused().startsWith("claim-"));
    assertThat(browser.unlabelledControls()).isEmpty();
    browser.type("claim-amount", "2500.00");
    browser.type("claim-description", "20 cartons wet on arrival at " + Trade.PORT_OF_DISCHARGE);
    browser.attach("claim-evidence", survey);
    browser.submit("claim", "the claim", () -> browser.present("claims"));
    assertThat(browser.text("claims"))
        .contains("CL-" + orderId + "-1", Organization.IMPORTER.mspId(), "Filed");

    watcher.waitFor("the claim in the insurer's inbox", () -> !claimItem().isEmpty());
    assertThat(watcher.text("inbox-items"))
        .contains("Decide claim CL-" + orderId + "-1 of " + Organization.IMPORTER.mspId());
    watcher.screenshot("inbox-insurer");
  }

  @Test
  @Order(9)
  void the_insurer_decides_the_claim_from_its_inbox_with_the_keyboard_alone() {
    String claimId = "CL-" + orderId + "-1";
    watcher.tabTo(claimItem());
    watcher.keys(Keys.ENTER);
    watcher.waitFor(
        "the focus in the decision form", () -> watcher.focused().startsWith("decide-"));
    assertThat(watcher.unlabelledControls()).isEmpty();

    // A filed claim cannot be settled at once: the refusal is at the decision, with the focus.
    watcher.tabTo("#decide-claim-decision");
    watcher.keys("S");
    watcher.tabTo("#decide-claim-settledAmount");
    watcher.keys("2000.00");
    watcher.tabTo("#decide-claim-submit");
    watcher.keys(Keys.ENTER);
    watcher.waitFor(
        "CLAIM_INVALID_TRANSITION at the decision",
        () -> watcher.visible("decide-claim-decision-problem"));
    assertThat(watcher.text("decide-claim-decision-problem"))
        .startsWith("CLAIM_INVALID_TRANSITION");
    assertThat(watcher.focused()).isEqualTo("decide-claim-decision");

    // Approve: the decision, no settled amount, a reason, and Enter in the reason's field.
    watcher.keys("A");
    watcher.tabTo("#decide-claim-settledAmount");
    watcher.keys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    watcher.tabTo("#decide-claim-reason");
    watcher.keys("Survey confirms water damage", Keys.ENTER);
    watcher.waitFor(
        "the approval, said where the focus is",
        () ->
            "action-result".equals(watcher.focused())
                && watcher.text("action-result").contains("approved"));
    assertThat(claimState(watcher, claimId)).isEqualTo("Approved");
    // Notices (one more, lest the last have timed out) go away with Escape.
    watcher.script(
        "window.dispatchEvent(new CustomEvent('tradeledger:notice', {detail: 'a notice'}))");
    assertThat(hasNotices()).isTrue();
    watcher.keys(Keys.ESCAPE);
    assertThat(hasNotices()).isFalse();
    assertThat(watcher.focused()).isEqualTo("action-result");
    JsonNode claim = apis.read(Organization.INSURER, "/claims/" + claimId);
    assertThat(claim.path("status").asText()).isEqualTo("APPROVED");

    // The approved claim is settled (an action the inbox now offers), for less than claimed.
    watcher.open(Organization.INSURER, Role.WRITER, "/inbox");
    watcher.waitFor(
        "the settlement in the inbox",
        () -> watcher.text("inbox-items").contains("Settle claim " + claimId));
    watcher.open(Organization.INSURER, Role.WRITER, "/trades/" + orderId + "/decide-claim");
    assertThat(watcher.element("decide-claim-decision").getAttribute("value")).isEqualTo("SETTLED");
    watcher.type("decide-claim-settledAmount", "2000.00");
    watcher.submit(
        "decide-claim", "the settlement", () -> claimState(watcher, claimId).equals("Settled"));
    assertThat(watcher.text("claims")).contains("2,000.00");
    watcher.script("document.getElementById('toasts').replaceChildren()");
    watcher.screenshot("trade-page-insurer");
  }

  @Test
  @Order(10)
  void the_carrier_delivers_and_every_milestone_is_paid_and_confirmed_until_completed() {
    browser.open(Organization.CARRIER, Role.WRITER, "/trades/" + orderId);
    event(
        "EQUIPMENT:DROPPED_OFF",
        Trade.PORT_OF_DISCHARGE,
        Instant.now().minus(10, ChronoUnit.MINUTES),
        "DELIVERED");

    for (String milestone : List.of("deposit", "departure", "clearance", "balance")) {
      browser.open(Organization.IMPORTER, Role.WRITER, "/trades/" + orderId + "/pay");
      browser.choose("pay-milestoneId", milestone);
      browser.type("pay-paymentReference", "SEPA-" + milestone + "-" + orderId);
      browser.submit(
          "pay", "the payment of " + milestone, () -> paymentState(milestone).equals("Paid"));
    }
    browser.screenshot("trade-page-paid");
    for (String milestone : List.of("deposit", "departure", "clearance", "balance")) {
      browser.open(Organization.EXPORTER, Role.WRITER, "/trades/" + orderId + "/confirm-payment");
      browser.choose("confirm-payment-milestoneId", milestone);
      browser.submit(
          "confirm-payment",
          "the confirmation of " + milestone,
          () -> paymentState(milestone).equals("Confirmed"));
    }
    if (!"COMPLETED".equals(browser.attribute("stage", "data-stage"))) {
      browser.submit(
          "complete",
          "the completion",
          () -> "COMPLETED".equals(browser.attribute("stage", "data-stage")));
    }
    assertThat(browser.attribute("stage", "data-stage")).isEqualTo("COMPLETED");
    JsonNode order = apis.read(Organization.EXPORTER, "/orders/" + orderId);
    assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
  }

  @Test
  @Order(11)
  void the_timeline_names_each_organization_and_person_and_the_invoice_is_verified_by_its_file()
      throws IOException {
    browser.open(Organization.EXPORTER, Role.WRITER, "/trades/" + orderId);
    browser.waitFor("the anchored invoice", () -> browser.present("documents"));

    String timeline = browser.text("timeline");
    for (Organization org : Organization.values()) {
      assertThat(timeline).as(org.mspId()).contains(org.mspId());
    }
    assertThat(timeline).contains("User1");
    browser.resize(1280, 1000);
    // The page as it stands, without the notices of the last facts over it.
    browser.script("document.getElementById('toasts').replaceChildren()");
    Path page = browser.screenshot("trade-page");
    LOG.info("trade page screenshot: {}", page.toAbsolutePath());

    browser.open(Organization.CUSTOMS, Role.READER, "/documents");
    assertThat(browser.text("who-role")).isEqualTo("READER");
    browser.attach("verify-file", invoice);
    browser.waitFor(
        "the verdict on the invoice",
        () ->
            browser.present("verify-result")
                && !browser.text("verify-result").isBlank()
                && !browser.text("verify-result").startsWith("Hashing"));
    assertThat(browser.attribute("verify-result", "innerHTML")).contains("data-verdict=\"match\"");
    browser.screenshot("documents-verified");
    Path other = Files.createTempFile("not-anchored-", ".txt");
    try {
      Files.writeString(other, "never anchored " + orderId);
      browser.attach("verify-file", other);
      browser.waitFor(
          "the verdict on an unknown file",
          () -> browser.text("verify-result").contains("unknown"));
    } finally {
      Files.deleteIfExists(other);
    }
  }

  @Test
  @Order(12)
  void at_a_phones_width_the_pages_reflow_without_scrolling_sideways() {
    browser.resize(390, 844);
    try {
      browser.open(Organization.IMPORTER, Role.WRITER, "/trades");
      browser.click("open-propose");
      browser.element("propose-orderId");
      assertFitsTheWindow("the trades page with the proposal form");
      browser.open(Organization.IMPORTER, Role.WRITER, "/trades/" + orderId);
      browser.waitFor("the trade page with the claim form", () -> browser.present("claim"));
      assertFitsTheWindow("the importer's trade page");
      browser.open(Organization.EXPORTER, Role.WRITER, "/trades/" + orderId);
      browser.waitFor("the timeline", () -> browser.present("timeline"));
      assertFitsTheWindow("the exporter's trade page");
      browser.script("document.getElementById('toasts').replaceChildren()");
      browser.screenshot("trade-page-phone");
    } finally {
      browser.resize(1280, 1000);
    }
  }

  private static void assertFitsTheWindow(String page) {
    Map<String, Long> widths = browser.widths();
    assertThat(widths.get("innerWidth")).as("the window of " + page).isLessThanOrEqualTo(400L);
    assertThat(widths.get("scrollWidth"))
        .as(page + " at " + widths.get("innerWidth") + " CSS pixels")
        .isLessThanOrEqualTo(widths.get("innerWidth"));
  }

  @Test
  @Order(13)
  void every_page_is_captured_and_the_trade_page_is_weighed() throws IOException {
    browser.open(Organization.CARRIER, Role.WRITER, "/shipments");
    browser.waitFor("the shipments table", () -> browser.present("shipments-table"));
    browser.screenshot("shipments");
    browser.open(Organization.IMPORTER, Role.WRITER, "/trades?status=COMPLETED");
    browser.waitFor(
        "the completed trades",
        () -> browser.present("trades-table") || browser.present("trades-empty"));
    assertThat(browser.text("trades-table")).contains(orderId);
    browser.screenshot("trades");

    // A cold load in a fresh browser: every asset and every API call of the trade page.
    try (Browser fresh = new Browser(apis)) {
      String origin = apis.url(Organization.IMPORTER).toString();
      fresh.driver().get(origin + "/dashboard/none");
      fresh.script(
          "sessionStorage.setItem('tradeLedger.apiKey', arguments[0])",
          apis.key(Organization.IMPORTER, Role.READER));
      fresh.driver().get(origin + "/dashboard/#/trades/" + orderId);
      fresh.waitFor("the trade page's timeline", () -> fresh.present("timeline"));
      @SuppressWarnings("unchecked")
      Map<String, Object> weight =
          (Map<String, Object>)
              fresh.script(
                  "const nav = performance.getEntriesByType('navigation')[0];"
                      + " const resources = performance.getEntriesByType('resource')"
                      + "   .filter((r) => !r.name.includes('/events'));"
                      + " const sum = (list, key) => list.reduce((s, r) => s + (r[key] || 0), 0);"
                      + " return {"
                      + "  requests: 1 + resources.length,"
                      + "  transferBytes: nav.transferSize + sum(resources, 'transferSize'),"
                      + "  decodedBytes: nav.decodedBodySize + sum(resources, 'decodedBodySize'),"
                      + "  domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),"
                      + "  loadMs: Math.round(nav.loadEventEnd),"
                      + "  timelineShownMs: Math.round("
                      + "performance.getEntriesByName('trade-rendered')[0].startTime),"
                      + "  apiCalls: resources.filter((r) => !r.name.includes('/dashboard/')).length"
                      + " };");
      LOG.info("trade page, cold load: {}", weight);
      Files.createDirectories(Browser.SCREENSHOTS);
      Files.writeString(
          Browser.SCREENSHOTS.resolve("trade-page-weight.txt"), weight.toString() + "\n");
      assertThat(((Number) weight.get("transferBytes")).longValue()).isPositive();
    }
  }

  /** Fills in order line {@code number} of the proposal form. */
  private static void line(
      int number, String hsCode, String goods, String quantity, String unitPrice) {
    String row = "propose-lines-" + number + "-";
    browser.type(row + "hsCode", hsCode);
    browser.type(row + "description", goods);
    browser.type(row + "quantity", quantity);
    browser.type(row + "unitPrice", unitPrice);
  }

  /** The carrier reports an ACTUAL event on the trade page and waits for the shipment's status. */
  private static void event(String code, String location, Instant at, String status) {
    browser.choose("event-event", code);
    browser.choose("event-eventClassifier", "ACTUAL");
    browser.type("event-location", location);
    browser.choose(
        "event-eventDateTime",
        LocalDateTime.ofInstant(at, ZoneId.systemDefault()).format(LOCAL_MINUTE));
    String shown = "SH-" + orderId + ": " + label(status);
    browser.submit("event", code + " to " + status, () -> browser.text("view").contains(shown));
    JsonNode shipment = apis.read(Organization.CARRIER, "/shipments/SH-" + orderId);
    assertThat(shipment.path("status").asText()).isEqualTo(status);
  }

  /** A status as the dashboard writes it: IN_TRANSIT is "In transit". */
  private static String label(String status) {
    String words = status.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static boolean hasNotices() {
    return !watcher.driver().findElements(By.cssSelector("#toasts .toast")).isEmpty();
  }

  /** The insurer's inbox item that leads to the decision on the claim (empty while absent). */
  private static String claimItem() {
    String selector = "#inbox-items a[href='#/trades/" + orderId + "/decide-claim']";
    return watcher.driver().findElements(By.cssSelector(selector)).isEmpty() ? "" : selector;
  }

  private static String claimState(Browser in, String claimId) {
    return in.driver().findElements(By.cssSelector("#claims tbody tr")).stream()
        .map(row -> row.findElements(By.tagName("td")))
        .filter(cells -> cells.size() == 10 && cells.get(0).getText().endsWith(claimId))
        .map(cells -> cells.get(6).getText())
        .findFirst()
        .orElse("");
  }

  private static String paymentState(String milestone) {
    return browser
        .driver()
        .findElements(org.openqa.selenium.By.cssSelector("#milestones tbody tr"))
        .stream()
        .map(row -> row.findElements(org.openqa.selenium.By.tagName("td")))
        .filter(cells -> cells.size() == 6 && cells.get(0).getText().equals(milestone))
        .map(cells -> cells.get(5).getText())
        .findFirst()
        .orElse("");
  }
}
