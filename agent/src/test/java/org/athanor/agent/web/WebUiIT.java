package org.athanor.agent.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.athanor.agent.campaign.AthanorProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The web UI in a real browser (Debian's Chromium, driven by its chromedriver) against the packaged app's {@code athanor
 * serve}, which starts real dry-run campaigns on the simulated lab: plan a goal, start a run, pause, resume and abort
 * it from its page, abort a run whose process was killed, remove one that failed, and see a refusal. Each page state
 * is saved as {@code target/webui-*.png} for a person to look at.
 */
class WebUiIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Not the demo's BaTiO3: MgAl2O4 is fired in the tube furnace, one experiment at a time. */
    private static final String GOAL = "Make 1.5 g of MgAl2O4, confirm by XRD";
    /**
     * Simulated seconds per wall second. An MgAl2O4 experiment takes about 14 lab hours, about 17 s at this pace: long
     * enough that the second experiment is still in the lab when the test aborts, right after the first one's result.
     */
    private static final String PACE = "3000";
    private static final long SERVER_SECONDS = 30;
    private static final long STEP_SECONDS = 60;
    private static final Pattern LISTENING = Pattern.compile("athanor serve: (http://\\S+/)");
    /**
     * Selenium warns that it has no DevTools (CDP) support for this Chromium's version; the test uses WebDriver only.
     * Kept in a field: java.util.logging holds loggers weakly, and a collected one forgets its level.
     */
    private static final java.util.logging.Logger CDP_VERSION_WARNING = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    Path dir;

    @RegisterExtension
    final AthanorProcesses processes = new AthanorProcesses(() -> dir);

    private Process server;
    private String base;
    private WebDriver browser;

    @BeforeEach
    void startServerAndBrowser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("this test drives Debian's Chromium: %s and %s must be installed (.ci/run installs the packages chromium "
                        + "and chromium-driver; by hand: apt-get install chromium chromium-driver)", CHROMIUM, CHROMEDRIVER)
                .isTrue();
        // Port 0: the server takes a free port and prints its address, so no other test can take it in between.
        server = processes.start("serve", "serve", "--data", dir.resolve("data").toString(), "--port", "0");
        base = awaitServer();
        browser = chromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorPlansAGoalStartsADryRunAndPausesResumesAndAbortsItFromTheBrowser() throws Exception {
        browser.get(base + "#/");
        await("the empty runs page", () -> text(By.cssSelector("main")).contains("No runs yet"));
        screenshot("runs-empty");

        browser.get(base + "#/new");
        WebElement goal = find("goal-input");
        goal.sendKeys(GOAL);
        find("plan-button").click();
        await("the plan's verdict", () -> !browser.findElements(testId("plan-verdict")).isEmpty());
        assertThat(find("plan-verdict").getText()).isEqualTo("approved");
        List<List<String>> heatRows = find("plan-steps").findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(cells -> cells.get(1).equals("heat")).toList();
        assertThat(heatRows).as("the plan's steps table lists one heat step").hasSize(1);
        assertThat(heatRows.get(0).get(2)).as("the heat step's instrument").containsPattern("^(box|tube)-furnace-\\d$");
        assertThat(heatRows.get(0).get(4)).as("the heat step's parameters").contains("°C").contains("hold");
        assertThat(browser.findElements(testId("plan-refusal"))).isEmpty();

        replace(find("budget-input"), "2");
        replace(find("pace-input"), PACE);
        assertThat(find("strategy-select").getAttribute("value")).isEqualTo("bo");
        assertThat(find("seed-input").getAttribute("value")).isEqualTo("7");
        screenshot("plan-approved");
        find("start-button").click();

        String runId = await("the run's page", () -> {
            Matcher m = Pattern.compile("#/runs/(.+)$").matcher(browser.getCurrentUrl());
            return m.find() ? m.group(1) : null;
        });
        // 'running' once the campaign's process takes operator requests (before that: 'starting', no pause offered).
        awaitStatus("running");
        assertThat(find("pause-button").isEnabled()).as("pause, when running").isTrue();
        assertThat(find("resume-button").isEnabled()).as("resume, when running").isFalse();
        screenshot("run-running");

        find("reason-input").sendKeys("checking the exhaust");
        find("pause-button").click();
        awaitStatus("paused");
        assertThat(text(By.cssSelector("main"))).contains("checking the exhaust");
        assertThat(find("pause-button").isEnabled()).as("pause, when paused").isFalse();
        assertThat(find("resume-button").isEnabled()).as("resume, when paused").isTrue();
        screenshot("run-paused");

        find("resume-button").click();
        awaitStatus("running");

        await("the first experiment's row", () -> !browser.findElements(testId("experiment-row-1")).isEmpty());
        assertThat(find("experiment-row-1").getText()).contains("°C").contains("%");
        assertThat(find("fraction-chart").findElements(By.cssSelector("circle"))).as("the chart's points").isNotEmpty();
        assertThat(logRows()).as("the event log's rows").hasSizeGreaterThan(5);
        screenshot("run-experiments");

        find("reason-input").sendKeys("end of shift");
        find("abort-button").click();
        await("the abort's confirmation", () -> find("confirm-abort").isDisplayed());
        assertThat(status()).as("nothing is aborted before the confirmation").isIn("running", "paused");
        screenshot("run-confirm-abort");
        find("confirm-abort").click();
        awaitStatus("aborted");
        assertThat(text(By.cssSelector("main"))).contains("end of shift");
        assertThat(browser.findElements(testId("pause-button")).stream().filter(WebElement::isDisplayed).toList())
                .as("no operator control on an aborted run").isEmpty();
        screenshot("run-aborted");

        find("event-log"); // still there for reading
        browser.get(base + "#/");
        await("the run's row in the runs table", () -> !browser.findElements(testId("run-row-" + runId)).isEmpty());
        assertThat(find("run-row-" + runId).getText()).contains("MgAl2O4").contains("aborted");
        screenshot("runs");
    }

    @Test
    void anInterruptedRunIsAbortedFromItsPageWithTheReasonShownAndNoResumeAfter() throws Exception {
        startRun("{\"goal\": \"" + GOAL + "\", \"budget\": 3, \"pace\": " + PACE + ", \"runId\": \"cut\"}");
        browser.get(base + "#/runs/cut");
        awaitStatus("running");
        await("an experiment in the lab", () -> logRows().stream().anyMatch(r -> r.contains("step.dispatched")));
        ProcessHandle campaign = server.descendants().filter(h -> h.info().arguments().map(a -> List.of(a).contains("cut")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no campaign process for run cut"));
        campaign.destroyForcibly(); // as kill -9, or a power cut of the machine that ran it
        awaitStatus("interrupted");
        assertThat(find("resume-button").isEnabled()).as("resume, when interrupted").isTrue();
        assertThat(find("abort-button").isEnabled()).as("abort, when interrupted").isTrue();
        assertThat(find("pause-button").isEnabled()).as("pause, when interrupted").isFalse();
        screenshot("run-interrupted");

        find("reason-input").sendKeys("crucible cracked");
        find("abort-button").click();
        await("the abort's confirmation", () -> find("confirm-abort").isDisplayed());
        find("confirm-abort").click();
        awaitStatus("aborted");
        await("the operator's reason in the stop line", () -> text(By.cssSelector("main")).contains("crucible cracked"));
        assertThat(text(By.cssSelector("main"))).contains("aborted by the operator").contains("via web from");
        assertThat(browser.findElements(testId("resume-button")).stream().filter(WebElement::isDisplayed).toList())
                .as("no resume of an aborted run").isEmpty();
        await("the abort in the event log", () -> logRows().stream().anyMatch(r -> r.contains("campaign-stopped") || r.contains("campaign stopped")));
        screenshot("run-interrupted-aborted");

        // On a phone's width the runs table still shows each run's status, not off to the right.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(base + "#/");
        await("the run's row in the runs table", () -> !browser.findElements(testId("run-row-cut")).isEmpty());
        WebElement status = find("run-row-cut").findElement(By.cssSelector(".badge"));
        long viewport = (Long) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth");
        assertThat(status.getText()).isEqualTo("aborted");
        assertThat(status.getRect().getX() + status.getRect().getWidth()).as("the status badge's right edge, in a %d px wide window", viewport)
                .isLessThanOrEqualTo((int) viewport);
        screenshot("runs-phone");
    }

    @Test
    void aRunThatFailedBeforeItJournaledAnythingIsRemovedFromItsPage() throws Exception {
        // The simulated lab stocks no cobalt oxide: the campaign stops before its first experiment, journaling nothing.
        startRun("{\"goal\": \"make 2 g of CoAl2O4, confirm by XRD\", \"budget\": 2, \"runId\": \"doomed\"}");
        browser.get(base + "#/runs/doomed");
        awaitStatus("failed");
        await("what the process printed", () -> find("console-tail").getText().contains("does not stock"));
        assertThat(browser.findElements(testId("pause-button")).stream().filter(WebElement::isDisplayed).toList())
                .as("no operator control on a failed run").isEmpty();
        find("remove-button").click();
        await("the removal's confirmation", () -> find("confirm-remove").isDisplayed());
        assertThat(dir.resolve("data/runs/doomed")).as("nothing removed before the confirmation").isDirectory();
        screenshot("run-failed-remove");
        find("confirm-remove").click();

        await("the runs page", () -> browser.getCurrentUrl().endsWith("#/"));
        await("the runs page without the removed run", () -> text(By.cssSelector("main")).contains("No runs yet"));
        assertThat(dir.resolve("data/runs/doomed")).doesNotExist();
    }

    @Test
    void aGoalThePlannerRefusesShowsWhyAndOffersNoStart() throws Exception {
        browser.get(base + "#/new");
        find("goal-input").sendKeys("make 2 g of NH4NO3");
        find("plan-button").click();
        await("the refusal", () -> !browser.findElements(testId("plan-refusal")).isEmpty());
        assertThat(find("plan-verdict").getText()).isEqualTo("refused");
        assertThat(find("plan-refusal").getText()).contains("NH4NO3").contains("hydrogen");
        assertThat(browser.findElements(testId("start-button"))).as("no start button for a refused goal").isEmpty();
        screenshot("plan-refused");

        find("goal-input").clear();
        find("plan-button").click();
        await("the empty goal's error", () -> find("error").isDisplayed());
        assertThat(find("error").getText()).contains("Write a goal first");
    }

    @Test
    void theStartingMassesAGoalGivesAreShownWithTheMaterialsAndDosedAsGiven() {
        browser.get(base + "#/new");
        find("goal-input").sendKeys("make SrTiO3 from 1.5 g of SrCO3 and TiO2, XRD");
        find("plan-button").click();
        await("the plan's verdict", () -> !browser.findElements(testId("plan-verdict")).isEmpty());
        assertThat(find("plan-verdict").getText()).isEqualTo("approved");
        assertThat(find("plan-understood").getText()).contains("SrCO3 1.5 g, TiO2");
        List<String> dispensed = find("plan-steps").findElements(By.cssSelector("tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .filter(cells -> cells.get(1).equals("dispense")).map(cells -> cells.get(4)).toList();
        assertThat(dispensed).anySatisfy(p -> assertThat(p).isEqualTo("SrCO3 1.5 g"));
    }

    @Test
    void aDryRunTheSimulatedWorldCannotMakeSaysSoOnItsPage() throws Exception {
        startRun("{\"goal\": \"make 1 g of La2Zr2O7, XRD\", \"budget\": 1, \"runId\": \"pyro\"}");
        browser.get(base + "#/runs/pyro");
        await("the campaign's note", () -> !browser.findElements(testId("run-notes")).isEmpty() && find("run-notes").isDisplayed());
        assertThat(find("run-notes").getText()).contains("Note: the simulated lab has no chemistry for La2O3 + ZrO2")
                .contains("cannot reach the target");
        awaitStatus("finished");
        await("experiment 1's result", () -> !browser.findElements(testId("experiment-row-1")).isEmpty());
        assertThat(browser.findElements(testId("underway-row-1"))).as("a finished run has nothing under way").isEmpty();
        screenshot("run-unmodelled");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Starts a campaign through the API, as the goal page does. */
    private void startRun(String body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "api/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("starting a run: %s", r.body()).isEqualTo(202);
    }

    private WebDriver chromium() throws IOException {
        // The driver and the browser are given, so Selenium Manager never looks for (or downloads) either.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(dir.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1366,1400", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(SERVER_SECONDS));
        return driver;
    }

    /** The server's address, once it prints it and {@code GET /api/lab} answers. */
    private String awaitServer() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVER_SECONDS);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String url = null;
        while (true) {
            if (url == null) {
                Matcher m = LISTENING.matcher(processes.out("serve"));
                url = m.find() ? m.group(1) : null;
            }
            if (url != null) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/lab"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("dataDirectory")) {
                        return url;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            assertThat(server.isAlive()).as("'athanor serve' is running; its log: %s", processes.log("serve")).isTrue();
            assertThat(System.nanoTime()).as("'athanor serve' answers within %d s; its log: %s", SERVER_SECONDS, processes.log("serve"))
                    .isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** Polls until {@code check} gives something other than null or false; on time-out fails saying what the page shows. */
    private <T> T await(String what, Supplier<T> check) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STEP_SECONDS);
        while (true) {
            T value;
            try {
                value = check.get();
            } catch (WebDriverException e) {
                value = null; // an element replaced while we read it: look again
            }
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + STEP_SECONDS + " s for " + what + "; " + diagnosis());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    private void awaitStatus(String wanted) {
        await("status '" + wanted + "' on the run's page", () -> wanted.equals(status()));
    }

    private String status() {
        return browser.findElements(testId("run-status")).stream().findFirst().map(WebElement::getText).orElse(null);
    }

    private List<String> logRows() {
        return find("event-log").findElements(By.tagName("li")).stream().map(e -> e.getAttribute("textContent")).toList();
    }

    private String diagnosis() {
        String errors;
        String page;
        try {
            errors = browser.findElements(testId("error")).stream().map(e -> e.getAttribute("textContent"))
                    .filter(t -> !t.isBlank()).collect(Collectors.joining(" | "));
            page = text(By.cssSelector("main"));
            screenshot("failure");
        } catch (WebDriverException | IOException e) {
            errors = "(cannot read the page: " + e.getMessage() + ")";
            page = "";
        }
        String serverLog;
        try {
            serverLog = processes.log("serve");
        } catch (IOException e) {
            serverLog = e.getMessage();
        }
        return "status " + status() + "; errors shown: [" + errors + "]; page: " + page.substring(0, Math.min(page.length(), 3000))
                + "; server log: " + serverLog + "; campaign console: " + campaignConsole().orElse("(none)");
    }

    /** What the campaigns the server started printed (runs/ID/console.log). */
    private Optional<String> campaignConsole() {
        Path runs = dir.resolve("data").resolve("runs");
        if (!Files.isDirectory(runs)) {
            return Optional.empty();
        }
        try (var s = Files.walk(runs, 2)) {
            return Optional.of(s.filter(p -> p.getFileName().toString().equals("console.log")).map(p -> {
                try {
                    String t = Files.readString(p);
                    return p.getParent().getFileName() + ": " + (t.length() > 3000 ? "..." + t.substring(t.length() - 3000) : t);
                } catch (IOException e) {
                    return p + ": " + e.getMessage();
                }
            }).collect(Collectors.joining("\n")));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    private WebElement find(String id) {
        return browser.findElement(testId(id));
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private String text(By by) {
        return browser.findElement(by).getText();
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    private void screenshot(String name) throws IOException {
        Path target = Path.of(System.getProperty("basedir", ".")).resolve("target");
        Files.createDirectories(target);
        Files.write(target.resolve("webui-" + name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
