package io.fleetplan.bootstrap.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser against the real server with the demo loaded: every page shows
 * the API's own figures, filters and paging agree with the API, a tenant sees only its orders, an
 * ended session and a server that went away are told plainly, and the console stays clean.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}. Without them these tests are
 * skipped, except in CI ({@code CI=true}), where a missing browser fails the build.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    private static final String ADMIN = "dashboard-test-admin-secret";
    private static final Pattern NO_PATTERN = Pattern.compile("(?!)");

    private DemoServer server;
    private Browser browser;
    private Api api;
    private String base;
    private String tenantSecret;
    /** Console errors the current test expects (a 403 the dashboard probes for, say). */
    private Pattern expectedErrors = NO_PATTERN;

    @BeforeAll
    void startServerAndBrowser() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!Browser.installed()) {
            String missing = "the dashboard's browser tests need " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)";
            if (ci) {
                throw new IllegalStateException(missing + "; CI must install them");
            }
            Assumptions.abort(missing + "; skipped outside CI");
        }
        Path target = Files.createDirectories(Path.of("target"));
        server = DemoServer.start(ADMIN, target);
        base = server.url();
        api = new Api(base, ADMIN);
        tenantSecret = api.post("/api/v1/tokens", "{\"name\":\"moonshot\",\"role\":\"TENANT\",\"tenant\":\"moonshot-lab\"}",
                201, Map.of()).get("secret").asText();
        browser = Browser.start(target);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            List<String> errors = browser.errors(expectedErrors);
            expectedErrors = NO_PATTERN;
            assertThat(errors).as("browser console errors").isEmpty();
        }
    }

    // ------------------------------------------------------------------ overview

    @Test
    @Order(1)
    void signingInShowsTheOverviewWithThePoolsAndDataCentresOfTheApi() throws Exception {
        signIn(ADMIN);
        assertThat(browser.find("#tab-overview").getAttribute("aria-selected")).isEqualTo("true");

        JsonNode pools = api.get("/api/v1/pools").get("items");
        long backlog = 0;
        for (JsonNode pool : pools) {
            backlog += pool.get("backlogGpus").asLong();
            if (pool.get("capacity").asLong() == 0 && pool.get("allocated").asLong() == 0
                    && pool.get("backlogGpus").asLong() == 0) {
                assertThat(browser.all(row(pool.get("id").asText()))).as("empty pool %s", pool.get("id")).isEmpty();
                continue;
            }
            String row = row(pool.get("id").asText());
            assertThat(number(row + " [data-field=backlogGpus]")).as("backlog of %s", pool.get("id"))
                    .isEqualTo(pool.get("backlogGpus").asLong());
            assertThat(number(row + " [data-field=capacity]")).isEqualTo(pool.get("capacity").asLong());
            assertThat(number(row + " [data-field=allocated]")).isEqualTo(pool.get("allocated").asLong());
            assertThat(number(row + " [data-field=free]")).isEqualTo(pool.get("free").asLong());
            for (String tier : List.of("INTERNAL_TRAINING", "MODEL_PLATFORM", "EXTERNAL_LEASE")) {
                assertThat(number(row + " [data-tier=" + tier + "]")).as("%s backlog of %s", tier, pool.get("id"))
                        .isEqualTo(pool.get("pendingGpus").get(tier).asLong());
            }
        }
        JsonNode hangzhouH20 = api.get("/api/v1/pools/cn-hangzhou/H20");
        assertThat(hangzhouH20.get("backlogGpus").asLong()).isPositive();
        assertThat(number(row("cn-hangzhou/H20") + " [data-field=backlogGpus]"))
                .isEqualTo(hangzhouH20.get("backlogGpus").asLong());
        assertThat(number("[data-kpi=backlog] dd")).isEqualTo(backlog);

        long waiting = 0;
        long undeployed = 0;
        for (JsonNode dc : api.get("/api/v1/data-centers").get("items")) {
            String row = "#sites-table tr[data-data-center='" + dc.get("id").asText() + "']";
            for (String stage : List.of("ORDERED", "DELIVERED", "INSTALLED", "IN_SERVICE")) {
                assertThat(number(row + " [data-stage=" + stage + "]")).as("%s %s", dc.get("id"), stage)
                        .isEqualTo(dc.get("serversByStage").get(stage).asLong());
            }
            assertThat(number(row + " [data-field=undeployed]")).isEqualTo(dc.get("undeployed").asLong());
            assertThat(browser.find(row + " [data-field=power]").getText())
                    .endsWith(String.format("%,d kW", dc.get("powerCapacityKw").decimalValue().longValue()));
            waiting += dc.get("serversByStage").get("DELIVERED").asLong();
            undeployed += dc.get("undeployed").asLong();
        }
        assertThat(browser.find("[data-kpi=undeployed] dd").getText()).startsWith(String.format("%,d servers", undeployed))
                .contains(String.format("%,d waiting for power", waiting));
        // a site whose delivered servers need more power than it has left names power as what holds it back
        Map<String, Double> kwPerServer = new java.util.HashMap<>();
        api.get("/api/v1/skus").get("items").forEach(sku ->
                kwPerServer.put(sku.get("id").asText(), sku.get("powerPerServerKw").asDouble()));
        Map<String, Double> waitingKw = new java.util.HashMap<>();
        api.get("/api/v1/batches").get("items").forEach(b -> waitingKw.merge(b.get("dataCenter").asText(),
                (b.get("delivered").asLong() - b.get("installed").asLong()) * kwPerServer.get(b.get("sku").asText()),
                Double::sum));
        for (JsonNode dc : api.get("/api/v1/data-centers").get("items")) {
            boolean powerBound = dc.get("serversByStage").get("DELIVERED").asLong() > 0
                    && waitingKw.getOrDefault(dc.get("id").asText(), 0.0) > dc.get("powerHeadroomKw").asDouble();
            assertThat(browser.all("#sites-table tr[data-data-center='" + dc.get("id").asText()
                    + "'] [data-constraint=POWER]")).as("%s held back by power", dc.get("id")).hasSize(powerBound ? 1 : 0);
        }
        browser.await(d -> !browser.all("#overview-outlook h2").isEmpty());
        String outlook = browser.find("#overview-outlook").getText();
        if (!api.plans()) {
            assertThat(outlook).contains("Planning is not available on this server");
        } else if (api.get("/api/v1/scenarios").get("items").isEmpty()) {
            assertThat(outlook).contains("No plan of record yet");
        } else {
            assertThat(outlook).containsPattern("The backlog (clears in|does not clear by) \\d{4}Q[1-4]");
        }
        browser.screenshot("overview");
    }

    @Test
    @Order(2)
    void theTokenIsKeptInThisTabOnlyAndNeverInTheUrl() {
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(ADMIN);
        assertThat(browser.js("return sessionStorage.getItem('fleetplan.token')")).isEqualTo(ADMIN);
        assertThat(browser.js("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.manage().getCookies()).isEmpty();
    }

    @Test
    @Order(3)
    void theOverviewPaintsQuicklyAndWeighsLittle() {
        browser.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.driver.get(base + "/#overview");
        browser.driver.navigate().refresh();
        browser.await(d -> (Boolean) browser.js(
                "return performance.getEntriesByName('fleetplan:overview-rendered').length > 0"));
        browser.await(d -> !browser.all("#overview-outlook h2").isEmpty());
        double rendered = ((Number) browser.js(
                "return performance.getEntriesByName('fleetplan:overview-rendered')[0].startTime")).doubleValue();
        double firstPaint = ((Number) browser.js("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? p.startTime : -1")).doubleValue();
        long transferred = ((Number) browser.js("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.transferSize + performance.getEntriesByType('resource')"
                + ".reduce((t, r) => t + r.transferSize, 0)")).longValue();
        long decoded = ((Number) browser.js("const n = performance.getEntriesByType('navigation')[0];"
                + " return n.decodedBodySize + performance.getEntriesByType('resource')"
                + ".reduce((t, r) => t + r.decodedBodySize, 0)")).longValue();
        long requests = ((Number) browser.js("return performance.getEntriesByType('resource').length + 1")).longValue();
        System.out.printf("dashboard overview: first contentful paint %.0f ms, figures drawn at %.0f ms, "
                + "%d requests, %d bytes transferred (%d bytes decoded)%n", firstPaint, rendered, requests,
                transferred, decoded);
        assertThat(transferred).as("bytes transferred for the overview").isPositive().isLessThanOrEqualTo(1_500_000L);
        // the goal is 1 s on loopback; this bound only catches a page that got much slower on a busy machine
        assertThat(rendered).as("ms until the overview's figures are drawn").isLessThan(10_000);
    }

    // ------------------------------------------------------------------ tabs

    @Test
    @Order(4)
    void theTabsFollowTheKeyboard() {
        openPage("overview");
        WebElement overview = browser.find("#tab-overview");
        overview.click();
        rendered("orders", () -> overview.sendKeys(Keys.ARROW_RIGHT));
        assertThat(browser.find("#tab-orders").getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("tab-orders");
        rendered("plans", () -> browser.find("#tab-orders").sendKeys(Keys.END));
        assertThat(browser.find("#tab-plans").getAttribute("aria-selected")).isEqualTo("true");
        rendered("overview", () -> browser.find("#tab-plans").sendKeys(Keys.ARROW_RIGHT));
        assertThat(browser.find("#tab-overview").getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.find("#page-overview").getAttribute("aria-labelledby")).isEqualTo("tab-overview");
        assertThat(browser.find("#page-orders").isDisplayed()).isFalse();
    }

    // ------------------------------------------------------------------ orders

    @Test
    @Order(5)
    void ordersAreFilteredAndPagedAsTheApiPagesThem() throws Exception {
        openPage("orders");
        rendered("orders", () -> browser.find("[data-quick=PENDING]").click());
        List<String> pending = api.all("/api/v1/orders", Map.of("status", "PENDING")).stream()
                .map(o -> o.get("id").asText()).toList();
        assertThat(pending).isNotEmpty();
        assertThat(ids()).isEqualTo(pending.subList(0, Math.min(25, pending.size())));
        assertThat(browser.all("#orders-table [data-field=status]")).allSatisfy(
                cell -> assertThat(cell.getText()).isEqualTo("PENDING"));

        rendered("orders", () -> browser.find("[data-quick=ALL]").click());
        List<String> expected = api.all("/api/v1/orders", Map.of()).stream().map(o -> o.get("id").asText()).toList();
        assertThat(expected).hasSizeGreaterThan(50);
        List<String> shown = new ArrayList<>();
        List<String> firstPage = ids();
        int pages = 0;
        while (true) {
            pages++;
            shown.addAll(ids());
            WebElement next = browser.find("#next-page");
            if (!next.isEnabled()) {
                break;
            }
            rendered("orders", next::click);
            assertThat(browser.find("#page-number").getText()).isEqualTo("Page " + (pages + 1));
        }
        assertThat(shown).as("every order, in the API's order, page after page").isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 24) / 25);
        rendered("orders", () -> browser.find("#previous-page").click());
        assertThat(browser.find("#page-number").getText()).isEqualTo("Page " + (pages - 1));
        assertThat(ids()).isEqualTo(expected.subList((pages - 2) * 25, (pages - 1) * 25));
        rendered("orders", () -> browser.find("#first-page").click());
        assertThat(ids()).isEqualTo(firstPage);

        new Select(browser.find("#filter-region")).selectByValue("cn-hangzhou");
        new Select(browser.find("#filter-acceleratorType")).selectByValue("H20");
        new Select(browser.find("#filter-tier")).selectByValue("EXTERNAL_LEASE");
        new Select(browser.find("#filter-status")).selectByValue("");
        rendered("orders", () -> browser.find("#apply-filters").click());
        List<String> leases = api.all("/api/v1/orders", Map.of("region", "cn-hangzhou", "acceleratorType", "H20",
                "tier", "EXTERNAL_LEASE")).stream().map(o -> o.get("id").asText()).toList();
        assertThat(leases).isNotEmpty();
        assertThat(ids()).isEqualTo(leases);
        assertThat(browser.all("#orders-table [data-field=pool]"))
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("cn-hangzhou/H20"));
        assertThat(browser.all("#orders-table [data-field=tier]"))
                .allSatisfy(cell -> assertThat(cell.getAttribute("title")).isEqualTo("EXTERNAL_LEASE"));
        assertThat(browser.driver.getCurrentUrl()).contains("region=cn-hangzhou").doesNotContain(ADMIN);

        rendered("orders", () -> browser.find("#clear-filters").click());
        browser.find("#filter-tenant").sendKeys("moonshot-lab");
        rendered("orders", () -> browser.find("#apply-filters").click());
        List<String> moonshot = api.all("/api/v1/orders", Map.of("tenant", "moonshot-lab")).stream()
                .map(o -> o.get("id").asText()).toList();
        assertThat(ids()).isEqualTo(moonshot);

        rendered("orders", () -> browser.find("#clear-filters").click());
        new Select(browser.find("#filter-status")).selectByValue("RELEASED");
        rendered("orders", () -> browser.find("#apply-filters").click());
        assertThat(browser.find("#page-orders .empty").getText()).isEqualTo("No orders match these filters.");
        browser.screenshot("orders-empty");
    }

    @Test
    @Order(6)
    void anOrdersEventsAreThoseOfTheEventLog() throws Exception {
        browser.driver.get(base + "/#orders?status=PENDING");
        openPage("orders");
        String order = ids().get(0);
        rendered("orders", () -> browser.find("[data-events='" + order + "']").click());
        List<String> expected = api.all("/api/v1/events", Map.of("subject", order)).stream()
                .map(e -> e.get("type").asText()).toList();
        assertThat(expected).contains("ORDER_SUBMITTED");
        assertThat(browser.all("#events-list li").stream().map(li -> li.getAttribute("data-event")).toList())
                .isEqualTo(expected);
        assertThat(browser.find("#orders-table tr.selected").getAttribute("data-order")).isEqualTo(order);
        browser.screenshot("orders");
    }

    // ------------------------------------------------------------------ capex

    @Test
    @Order(7)
    void capexShowsTheCommitmentsStatusAndItsAmendments() throws Exception {
        openPage("capex");
        JsonNode status = api.get("/api/v1/commitments/capex-programme/status");
        assertThat(browser.find("[data-kpi=spent] dd").getAttribute("data-amount"))
                .isEqualTo(status.get("spent").get("amount").asText());
        assertThat(browser.find("[data-kpi=spent] dd").getText()).startsWith("USD 16.80 bn");
        assertThat(browser.find("[data-kpi=burn] dd").getAttribute("data-amount"))
                .isEqualTo(status.get("trailingFourQuarters").get("amount").asText());
        assertThat(browser.find("[data-field=requiredAnnualRunRate]").getAttribute("data-amount"))
                .isEqualTo(status.get("requiredAnnualRunRate").get("amount").asText());
        assertThat(browser.find("[data-kpi=exhaustion] dd").getText())
                .startsWith(status.get("exhaustionQuarter").asText());
        status.get("spendByQuarter").fields().forEachRemaining(q -> assertThat(
                browser.find("#capex-quarters tr[data-quarter='" + q.getKey() + "'] [data-field=spent]")
                        .getAttribute("data-amount")).as("spend in %s", q.getKey())
                .isEqualTo(q.getValue().get("amount").asText()));
        status.get("spendByCategory").fields().forEachRemaining(c -> assertThat(
                browser.find("#category-bars [data-category='" + c.getKey() + "']").getAttribute("data-amount"))
                .isEqualTo(c.getValue().get("amount").asText()));
        assertThat(browser.drawnPixels("#capex-cumulative canvas")).as("cumulative spend chart drawn")
                .isGreaterThan(2_000);
        assertThat(browser.find("#page-capex .empty").getText()).startsWith("No amendments");
        browser.screenshot("capex");

        JsonNode commitment = api.get("/api/v1/commitments/capex-programme");
        api.post("/api/v1/commitments/capex-programme/amendments",
                "{\"newTotal\": 60000000000, \"reason\": \"scale capex beyond the commitment\"}", 201,
                Map.of("Idempotency-Key", "dashboard-amend-1", "If-Match", "\"" + commitment.get("version").asLong() + "\""));
        rendered("capex", () -> browser.find("#refresh").click());
        assertThat(browser.find("#amendments-table").getText()).contains("scale capex beyond the commitment")
                .contains("USD 52.00 bn → USD 60.00 bn");
        assertThat(browser.find("[data-kpi=amendments] dd").getText()).isEqualTo("1");
    }

    // ------------------------------------------------------------------ plans

    @Test
    @Order(8)
    void plansChartTheScenariosCompareThemWithThePlanOfRecordAndAskTheSolver() throws Exception {
        Assumptions.assumeTrue(api.plans(), "this server offers no planning operations");
        if (api.get("/api/v1/scenarios").get("items").isEmpty()) {
            scenario("{\"name\":\"plan of record\",\"horizonQuarters\":12,\"growthYoy\":0.34,\"leadTimeQuarters\":2}");
        }
        String record = null;
        List<String> others = new ArrayList<>();
        for (JsonNode s : api.get("/api/v1/scenarios").get("items")) {
            if (s.get("planOfRecord").asBoolean()) {
                record = s.get("name").asText();
            }
        }
        JsonNode recordDefinition = api.get("/api/v1/scenarios/" + path(record)).get("definition");
        int horizon = recordDefinition.get("horizonQuarters").asInt();
        String start = api.get("/api/v1/plans/" + path(record)).get("start").asText();
        List<String> sites = new ArrayList<>();
        api.get("/api/v1/data-centers").get("items").forEach(dc -> sites.add(dc.get("id").asText()));
        scenario("{\"name\":\"more power and capital\",\"horizonQuarters\":" + horizon
                + ",\"growthYoy\":0.34,\"leadTimeQuarters\":2,"
                + "\"capexChanges\":[{\"quarter\":\"" + start + "\",\"kind\":\"ADDITION\",\"amount\":30000000000}],"
                + "\"powerAdditions\":[" + String.join(",", sites.stream().map(dc -> "{\"dataCenter\":\"" + dc
                + "\",\"quarter\":\"" + start + "\",\"megawatts\":60}").toList()) + "]}");
        for (JsonNode s : api.get("/api/v1/scenarios").get("items")) {
            if (!s.get("planOfRecord").asBoolean() && s.get("definition").get("horizonQuarters").asInt() == horizon) {
                others.add(s.get("name").asText());
            }
        }
        assertThat(others).contains("more power and capital");

        openPage("plans");
        for (String other : others) {
            WebElement box = browser.find("[data-scenario='" + other + "']");
            if (!box.isSelected()) {
                box.click();
            }
        }
        rendered("plans", () -> browser.find("#compare").click());
        assertThat(browser.driver.getCurrentUrl()).contains("scenario=more+power+and+capital");

        JsonNode plan = api.get("/api/v1/plans/" + path(record));
        List<String> strip = browser.all("#binding-strip li").stream().map(li -> li.getAttribute("data-constraint")).toList();
        List<String> binding = new ArrayList<>();
        plan.get("quarters").forEach(q -> binding.add(q.get("total").get("binding").asText()));
        assertThat(strip).as("binding constraint per quarter").isEqualTo(binding).hasSize(horizon);
        for (JsonNode q : plan.get("quarters")) {
            String row = "#plan-table tr[data-quarter='" + q.get("quarter").asText() + "']";
            assertThat(number(row + " [data-field=demand]")).isEqualTo(q.get("total").get("demand").asLong());
            assertThat(number(row + " [data-field=capacity]")).isEqualTo(q.get("total").get("capacity").asLong());
            assertThat(number(row + " [data-field=backlog]")).isEqualTo(q.get("total").get("backlog").asLong());
        }
        assertThat(number("[data-kpi=peakBacklog] dd")).isEqualTo(plan.get("summary").get("peakBacklogGpus").asLong());
        assertThat(browser.drawnPixels("#plan-chart canvas")).as("demand, capacity and backlog drawn").isGreaterThan(2_000);
        assertThat(browser.drawnPixels("#comparison-chart canvas")).as("backlog per scenario drawn").isGreaterThan(2_000);

        JsonNode comparison = api.get("/api/v1/comparisons?" + String.join("&",
                others.stream().map(o -> "scenario=" + path(o)).toList()));
        List<WebElement> rows = browser.all("#comparison-table tbody tr");
        assertThat(rows).hasSize(others.size() + 1);
        int better = -1;
        for (int i = 0; i < rows.size(); i++) {
            JsonNode expected = comparison.get("rows").get(i);
            WebElement row = rows.get(i);
            assertThat(row.getAttribute("data-scenario")).isEqualTo(expected.get("scenario").asText());
            assertThat(row.findElement(By.cssSelector("[data-field=peakBacklogGpus]")).getText().replace(",", ""))
                    .isEqualTo(expected.get("peakBacklogGpus").asText());
            assertThat(row.findElement(By.cssSelector("[data-field=capexUsed]")).getAttribute("data-amount"))
                    .isEqualTo(expected.get("capexUsed").get("amount").asText());
            assertThat(row.findElement(By.cssSelector("[data-field=firstClearQuarter]")).getText())
                    .isEqualTo(expected.get("firstClearQuarter").isNull() ? "not within the plan"
                            : expected.get("firstClearQuarter").asText());
            if (expected.get("scenario").asText().equals("more power and capital")) {
                better = i;
            }
        }
        assertThat(comparison.get("rows").get(0).get("scenario").asText()).isEqualTo(record);
        long change = 0;
        for (JsonNode delta : comparison.get("rows").get(better).get("backlogDelta")) {
            change += delta.asLong();
        }
        assertThat(change).as("more power and capital lowers the backlog against the plan of record").isNegative();

        String clearBy = plan.get("quarters").findValuesAsText("quarter").contains("2027Q4") ? "2027Q4" : plan.get("end").asText();
        new Select(browser.find("#solve-lever")).selectByValue("THROUGHPUT");
        new Select(browser.find("#solve-clear-by")).selectByValue(clearBy);
        browser.find("#solve").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("solver-sentence")));
        JsonNode answer = api.post("/api/v1/plans/" + path(record) + "/solve",
                "{\"lever\":\"THROUGHPUT\",\"clearBy\":\"" + clearBy + "\"}", 200, Map.of());
        assertThat(browser.find("#solver-sentence").getText()).isEqualTo(answer.get("answer").asText());
        assertThat(browser.find("#solver-answer .answer").getAttribute("data-cleared"))
                .isEqualTo(answer.get("cleared").asText());
        browser.screenshot("plans");

        browser.js("document.querySelector('#new-scenario').closest('details').open = true");
        browser.find("#scenario-name").sendKeys("faster crews");
        browser.find("#scenario-throughput").sendKeys("1.5");
        rendered("plans", () -> browser.find("#save-scenario").click());
        assertThat(api.get("/api/v1/scenarios").findValuesAsText("name")).contains("faster crews");
        assertThat(browser.find("[data-scenario='faster crews']").isSelected()).isTrue();
        assertThat(browser.all("#comparison-table tbody tr")).hasSize(others.size() + 2);

        openPage("overview");
        browser.await(d -> !browser.all("#outlook-sentence").isEmpty());
        JsonNode summary = plan.get("summary");
        assertThat(browser.find("#outlook-sentence").getText()).startsWith(summary.get("firstClearQuarter").isNull()
                ? "The backlog does not clear by " + plan.get("end").asText()
                : "The backlog clears in " + summary.get("firstClearQuarter").asText());
        assertThat(browser.all("#outlook-strip li")).hasSize(horizon);
        browser.screenshot("overview-with-plan");
    }

    // ------------------------------------------------------------------ who may see what

    @Test
    @Order(20)
    void aTenantTokenSeesOnlyItsOwnOrders() throws Exception {
        expectedErrors = Pattern.compile("/api/v1/regions - Failed to load resource: .* 403");
        signOut();
        signIn(tenantSecret);
        assertThat(browser.find("#tab-orders").getAttribute("aria-selected")).isEqualTo("true");
        for (String staffOnly : List.of("overview", "capex", "plans")) {
            assertThat(browser.find("#tab-" + staffOnly).isDisplayed()).as(staffOnly + " tab").isFalse();
        }
        List<String> own = api.as(tenantSecret).all("/api/v1/orders", Map.of()).stream()
                .map(o -> o.get("id").asText()).toList();
        List<String> moonshot = api.all("/api/v1/orders", Map.of("tenant", "moonshot-lab")).stream()
                .map(o -> o.get("id").asText()).toList();
        assertThat(own).isNotEmpty().isEqualTo(moonshot);
        assertThat(ids()).isEqualTo(own.subList(0, Math.min(25, own.size())));
        assertThat(browser.all("#orders-table [data-field=tenant]"))
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("moonshot-lab"));
        assertThat(browser.all("#filter-tenant")).isEmpty();
        assertThat(browser.all("[data-events]")).as("no links into the staff-only event log").isEmpty();
        browser.screenshot("orders-tenant");

        browser.js("location.hash = '#capex'");
        browser.await(d -> d.getCurrentUrl().endsWith("#orders"));
        assertThat(browser.find("#page-capex").isDisplayed()).isFalse();
    }

    @Test
    @Order(21)
    void aRevokedTokenSendsTheUserBackToSignIn() throws Exception {
        expectedErrors = Pattern.compile("/api/v1/\\S+ - Failed to load resource: .* 401");
        signOut();
        String viewer = api.post("/api/v1/tokens", "{\"name\":\"dash-viewer\",\"role\":\"VIEWER\"}", 201, Map.of())
                .get("secret").asText();
        signIn(viewer);
        openPage("overview");
        api.post("/api/v1/tokens/dash-viewer/revoke", "", 200, Map.of());
        browser.find("#refresh").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(browser.find("#sign-in-message").getText()).contains("revoked");
        assertThat(browser.js("return sessionStorage.getItem('fleetplan.token')")).isNull();
        assertThat(browser.find(".tabs").isDisplayed()).isFalse();
        browser.screenshot("signed-out");

        browser.find("#token").sendKeys("not-a-token-at-all");
        browser.find("#sign-in-button").click();
        browser.await(d -> browser.find("#sign-in-message").getText().contains("unknown"));
        assertThat(browser.find("#token").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    @Order(99)
    void whenTheApiGoesAwayABannerSaysSo() throws Exception {
        expectedErrors = Pattern.compile("ERR_CONNECTION_REFUSED|Failed to fetch");
        signIn(ADMIN);
        server.stop();
        browser.find("#refresh").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("banner")));
        assertThat(browser.find("#banner-text").getText()).contains("not answering");
        assertThat(browser.find("#banner").getAttribute("role")).isEqualTo("alert");
        browser.screenshot("api-down");
    }

    // ------------------------------------------------------------------ helpers

    private void signIn(String secret) {
        if (!browser.driver.getCurrentUrl().startsWith(base)) {
            browser.driver.get(base + "/");
        }
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
        WebElement token = browser.find("#token");
        token.clear();
        token.sendKeys(secret);
        browser.find("#sign-in-button").click();
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=tabpanel]:not([hidden])")));
        WebElement panel = browser.find("[role=tabpanel]:not([hidden])");
        browser.await(d -> "false".equals(panel.getAttribute("aria-busy")) && !panel.findElements(By.tagName("h1")).isEmpty());
    }

    private void signOut() {
        if (browser.find("#sign-out").isDisplayed()) {
            browser.find("#sign-out").click();
        } else {
            browser.driver.get(base + "/");
        }
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    /** Opens a page by its tab (or waits for it when it is already open). */
    private void openPage(String page) {
        WebElement panel = browser.find("#page-" + page);
        if (panel.isDisplayed() && "false".equals(panel.getAttribute("aria-busy"))
                && !panel.findElements(By.tagName("h1")).isEmpty()) {
            return;
        }
        rendered(page, () -> browser.find("#tab-" + page).click());
    }

    /** Does something and waits until the page has been drawn anew. */
    private void rendered(String page, Runnable action) {
        WebElement panel = browser.find("#page-" + page);
        List<WebElement> before = panel.findElements(By.xpath("./*"));
        action.run();
        if (!before.isEmpty()) {
            browser.await(ExpectedConditions.stalenessOf(before.get(0)));
        }
        browser.await(d -> panel.isDisplayed() && "false".equals(panel.getAttribute("aria-busy"))
                && !panel.findElements(By.tagName("h1")).isEmpty());
    }

    private static String path(String name) {
        return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void scenario(String definition) {
        api.post("/api/v1/scenarios", definition, 201, Map.of());
    }

    private List<String> ids() {
        return browser.all("#orders-table tbody tr").stream().map(tr -> tr.getAttribute("data-order")).toList();
    }

    /** The first whole number in an element's text, shown or folded away: "139,264" in "139,264 GPUs (12 orders)". */
    private long number(String css) {
        WebElement element = browser.find(css);
        String text = element.isDisplayed() ? element.getText() : element.getDomProperty("textContent");
        java.util.regex.Matcher m = Pattern.compile("-?\\d[\\d,]*").matcher(text);
        assertThat(m.find()).as("a number in %s: %s", css, text).isTrue();
        return Long.parseLong(m.group().replace(",", ""));
    }

    private static String row(String pool) {
        return "#pools-table tr[data-pool='" + pool + "']";
    }
}
