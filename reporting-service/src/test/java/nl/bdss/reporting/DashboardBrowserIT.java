package nl.bdss.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.bdss.events.Topics;
import nl.bdss.events.fixtures.ManualExampleEvents;
import nl.bdss.events.settlement.ServiceYearClosed;
import nl.bdss.events.settlement.SettlementBooked;
import nl.bdss.events.settlement.SettlementKind;
import nl.bdss.security.testing.TestTokenIssuer;
import nl.bdss.security.testing.UsesTestTokenIssuer;
import nl.bdss.testsupport.UsesInfrastructure;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Opens the operator dashboard and the printable NZa monitor in headless Chromium (Debian's chromium and
 * chromium-driver) for the manual's example, with security on: the pages are public, their API calls carry the
 * operator token handed over in the address fragment. The service's clock stands at {@link FixedClock#TODAY}, so
 * both pages open on 2025 without a year in the address, whatever the date of the machine and the browser. The pages
 * show whole years, so this is the only test of the module that publishes into 2025 and 2026, the example's own
 * years (the others move the example to years of their own, see {@link ManualExampleInYears}): the figures of 2025
 * are its contract's alone, whichever tests ran before it. It closes 2025 and books a correction of it in 2026, so
 * both pages show the year closed with the amounts as closed and the later correction.
 */
@SpringBootTest(properties = ReportingServiceApplication.CONFIG_NAME, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesInfrastructure(database = "reporting")
@Import(FixedClock.class)
@UsesTestTokenIssuer
// one live context at a time: the test contexts share the database, the consumer group and the outbox
@DirtiesContext
class DashboardBrowserIT {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @LocalServerPort
    int port;

    @Test
    void dashboardShowsTheManualExampleSectorLoadsToTheCent_andSavesAScreenshot_R17_R18() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "Debian's chromium and chromium-driver are not installed (CI installs them)");
        String operatorToken = TestTokenIssuer.get().operator();
        Api api = new Api(port, operatorToken);
        // the example as the manual has it, under a contract id of this test's own
        String contract = UUID.randomUUID().toString();
        TopicsClient.publish(Topics.CONTRACT_VERSIONS, contract, List.of(ManualExampleEvents.registered(contract)));
        TopicsClient.publish(Topics.ALLOCATIONS, contract, List.of(ManualExampleEvents.allocation(contract).build()));
        TopicsClient.publish(Topics.SETTLEMENTS, contract, ManualExampleEvents.settlements2025(contract));
        // everything the pages show, each from its own consumer: the settled load, the allocation in the monitor and
        // the contract's service area behind the region loads (the contract versions may arrive last)
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2025, "WIJKVERPLEGING") == 3_500_000L
                && api.get("/api/v1/monitor?year=2025").get("contractCount").asLong() == 1
                && noordHollandSettled(api.get("/api/v1/region-loads?year=2025")) == 7_000_000L);
        // 2025 closes; then a correction of 3311's wijkverpleging for 2025, EUR -100.00, is booked in 2026: the
        // service year 2025 shows wijkverpleging 35,000.00 as closed + -100.00 later = 34,900.00
        TopicsClient.publish(Topics.SERVICE_YEARS, "2025", List.of(ServiceYearClosed.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-01-20T10:30:00Z"))
                .setServiceYear(2025)
                .setClosedBy("browser-test-operator")
                .setReason(null)
                .setTotals(List.of())
                .build()));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/sector-loads?year=2025").has("closed"));
        SettlementBooked corrected = ManualExampleEvents.settlements2025(contract).get(0);
        TopicsClient.publish(Topics.SETTLEMENTS, contract, List.of(ManualExampleEvents.lumpSum(contract, 5,
                        corrected.getPeriodStart(), corrected.getPeriodEnd(), "3311", "WIJKVERPLEGING", -10_000)
                .setEventId(UUID.randomUUID())
                .setEntryId(contract + "/correction/5")
                .setKind(SettlementKind.CORRECTION)
                .setCorrectsEntryId(corrected.getEntryId())
                .setServiceYear(2025)
                .setBookingYear(2026)
                .build()));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.sectorLoad(2025, "WIJKVERPLEGING") == 3_490_000L);
        // EUR 35,000 of a EUR 2,000,000 macro budget is 1.75%: above the default 1% threshold (R21)
        api.put("/api/v1/macro-budgets/HUISARTSENZORG/2025",
                "{\"amountCents\":200000000,\"source\":\"Browser test figure\",\"date\":\"2024-09-17\"}");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(1280, 2100));
            // without a token the page loads but its API calls answer 401: the page says so
            browser.get("http://localhost:" + port + "/monitor.html?year=2025");
            WebElement refused = new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> driver.findElement(By.id("auth-message")).isDisplayed()
                            ? driver.findElement(By.id("auth-message")) : null);
            assertThat(refused.getText()).contains("401").contains("token");

            browser.get("http://localhost:" + port + "/#token=" + operatorToken);
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));

            assertThat(browser.getCurrentUrl()).doesNotContain("token").endsWith("/");
            // no year in the address: the service's current year
            assertThat(new Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText()).isEqualTo("2025");
            assertThat(browser.findElement(By.id("auth-message")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("token-state")).getText()).isEqualTo("token set");
            assertThat(settled(browser, "WIJKVERPLEGING")).isEqualTo("34.900,00");
            assertThat(settled(browser, "HUISARTSENZORG")).isEqualTo("35.000,00");
            assertThat(browser.findElement(By.id("total-settled")).getText()).isEqualTo("69.900,00");
            assertThat(browser.findElement(By.id("year-closed")).getText()).isEqualTo("Service year closed 2026-01-20"
                    + " 10:30 UTC; as closed + later corrections: HUISARTSENZORG 35.000,00 + 0,00, WIJKVERPLEGING"
                    + " 35.000,00 + -100,00");
            assertThat(browser.findElement(By.id("contracts-by-status")).getText()).contains("ACTIVE");
            assertThat(browser.findElement(By.id("topics")).getText()).contains("bdss.settlement.entries");
            // the example's service area (1011-1016) lies in Noord-Holland: the whole Zvw amount lands there
            assertThat(region(browser, "Noord-Holland", 2)).isEqualTo("69.900,00");
            assertThat(region(browser, "Noord-Holland", 3)).isEqualTo("70.000,00");
            assertThat(region(browser, "Zeeland", 2)).isEqualTo("0,00");
            assertThat(browser.findElement(By.id("region-total-settled")).getText()).isEqualTo("69.900,00");
            assertThat(browser.findElements(By.cssSelector("#alerts tbody tr[data-sector='HUISARTSENZORG']")))
                    .extracting(WebElement::getText)
                    .anySatisfy(row -> assertThat(row).contains("SETTLED").contains("35.000,00").contains("1,75%"));
            Object chartDrawn = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return typeof Chart !== 'undefined' && Chart.getChart('sector-chart') !== undefined;");
            assertThat(chartDrawn).isEqualTo(true);

            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path target = Path.of("target", "dashboard-2025.png");
            Files.createDirectories(target.getParent());
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(target)).isPositive();

            // the printable monitor, in the same tab (the token stays in its sessionStorage): budgets from the
            // allocation, the other domains' recorded shares and the contracts stating a double-funding measure (R20)
            browser.get("http://localhost:" + port + "/monitor.html");
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
            assertThat(browser.findElement(By.id("year")).getText()).isEqualTo("2025");
            assertThat(browser.findElement(By.id("figures")).getText())
                    .contains("Total budgets, all domains (EUR) 100.000,00")
                    .contains("Total budgets, Zvw, paid by insurers (EUR) 70.000,00")
                    .contains("Contracts stating how double funding is prevented (R4, R22) 1");
            // budget 35,000.00; charged 34,900.00 = 35,000.00 as closed + -100.00 later
            assertThat(browser.findElement(By.id("sectors")).getText())
                    .contains("WIJKVERPLEGING 1 35.000,00 34.900,00 35.000,00 -100,00");
            assertThat(browser.findElement(By.id("closed")).getText()).startsWith("Service year closed 2026-01-20 10:30 UTC.");
            assertThat(browser.findElement(By.id("domains")).getText())
                    .contains("JEUGDWET 1 20.000,00").contains("WMO 1 10.000,00");
        } finally {
            browser.quit();
        }
    }

    private static String region(WebDriver browser, String region, int column) {
        return browser.findElement(By.cssSelector("#region-loads tbody tr[data-region='" + region + "'] td:nth-child(" + column + ")"))
                .getText();
    }

    private static String settled(WebDriver browser, String sector) {
        return browser.findElement(By.cssSelector("#sector-loads tbody tr[data-sector='" + sector + "'] td:nth-child(2)")).getText();
    }

    private static long noordHollandSettled(JsonNode loads) {
        for (JsonNode region : loads.path("regions")) {
            if ("Noord-Holland".equals(region.path("region").asString())) {
                return region.path("settledCents").asLong();
            }
        }
        return 0;
    }
}
