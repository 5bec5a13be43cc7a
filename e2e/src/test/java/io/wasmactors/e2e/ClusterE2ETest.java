package io.wasmactors.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three actor hosts (the third serves grayscale and imageinfo only): spread,
 * failover under load, the cluster view, live scale-out and a graceful stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2ETest {
    private static LocalCluster cluster;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        cluster = LocalCluster.start(3, "", Map.of("WASMACTORS_HOST3_ARGS", "--wasmactors.host.functions=grayscale,imageinfo"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("wasmactors-chromium"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build(), options);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static Map<String, Integer> hostsServing(String function, String keyPrefix, int ids) throws Exception {
        Map<String, Integer> perHost = new HashMap<>();
        byte[] image = Http.image(function.equals("classify") ? "bird.bmp" : "face.jpg");
        for (int i = 0; i < ids; i++) {
            HttpResponse<byte[]> response = Http.post(cluster.gateway() + "/api/functions/" + function, image,
                    Map.of("X-Actor-Key", keyPrefix + i));
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            perHost.merge(response.headers().firstValue("X-Host").orElseThrow(), 1, Integer::sum);
        }
        return perHost;
    }

    private static int activeOn(int host, String type) throws Exception {
        int count = 0;
        for (JsonNode actor : Http.getJson(cluster.host(host) + "/host", cluster.appToken()).get("actors")) {
            count += actor.get("actorType").asText().equals(type) ? 1 : 0;
        }
        return count;
    }

    private static void waitForHostBoxes(int expected) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#hosts .host")).size() == expected);
    }

    private static void screenshot(String name) throws Exception {
        browser.executeScript("document.querySelector('.cluster').scrollIntoView()");
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Placement hashes each id to a host at random, so a host's share of n ids is
     * binomial: with the issue's 60 ids, one of three hosts falls below 20% in about
     * 5% of runs (seen here: 11 of 60). 240 ids keep the same 20% bound with a chance
     * of a false failure of about 1 in 50,000.
     */
    @Test
    @Order(1)
    void actorsSpreadOverAllThreeHosts() throws Exception {
        int ids = 240;
        Map<String, Integer> perHost = hostsServing("grayscale", "spread-", ids);
        assertThat(perHost.keySet()).containsExactlyInAnyOrder("host1", "host2", "host3");
        assertThat(perHost.values()).allSatisfy(n -> assertThat(n).as(perHost.toString()).isGreaterThanOrEqualTo(ids / 5));
        for (int host = 1; host <= 3; host++) {
            assertThat(activeOn(host, "grayscale")).as("host%d's own stats", host).isEqualTo(perHost.get("host" + host));
        }
    }

    @Test
    @Order(2)
    void anActorTypeLandsOnlyOnHostsThatRegisteredIt() throws Exception {
        Map<String, Integer> perHost = hostsServing("classify", "typed-", 20);
        assertThat(perHost).doesNotContainKey("host3").containsKeys("host1", "host2");
        assertThat(activeOn(3, "classify")).isZero();
    }

    @Test
    @Order(3)
    void clusterViewDrawsEveryHostWithItsActors() throws Exception {
        JsonNode view = Http.getJson(cluster.gateway() + "/api/cluster");
        assertThat(view.get("hosts")).hasSize(3);
        browser.get(cluster.gateway() + "/");
        waitForHostBoxes(3);
        assertThat(browser.findElement(By.cssSelector("[data-host='host3']")).getText()).contains("grayscale/spread-");
        screenshot("cluster-three-hosts");
    }

    @Test
    @Order(4)
    void killingAHostUnderLoadLosesAlmostNothing() throws Exception {
        long before = invokeCount("classify") + invokeCount("grayscale");
        List<Load.Outcome> outcomes = Load.run(cluster.gateway(), 3, 20_000, 5_000, () -> cluster.stopHost(1, "KILL"));
        List<Load.Outcome> failed = outcomes.stream().filter(o -> !o.ok()).toList();
        System.out.printf("failover: %d requests in 20 s, host1 killed at 5 s, %d failed %s%n", outcomes.size(), failed.size(), failed);
        assertThat(outcomes.size()).as("requests sent").isGreaterThan(30);
        assertThat(failed.size()).as("failures: " + failed).isLessThanOrEqualTo(outcomes.size() / 100);
        assertThat(failed).as("nothing fails after the first 10 s").allSatisfy(o -> assertThat(o.atMs()).isLessThan(10_000));
        long succeeded = outcomes.stream().filter(Load.Outcome::ok).count();
        assertThat(invokeCount("classify") + invokeCount("grayscale") - before).as("persisted counters").isEqualTo(succeeded);
    }

    @Test
    @Order(5)
    void clusterViewShowsTheHostGone() throws Exception {
        waitForHostBoxes(2);
        assertThat(browser.findElements(By.cssSelector("[data-host='host1']"))).isEmpty();
        screenshot("cluster-after-kill");
    }

    @Test
    @Order(6)
    void aHostAddedLaterReceivesActors() throws Exception {
        cluster.scale(3);
        Map<String, Integer> perHost = hostsServing("classify", "later-", 30);
        assertThat(perHost).containsKey("host4");
        assertThat(activeOn(4, "classify")).isEqualTo(perHost.get("host4"));
        waitForHostBoxes(3);
    }

    @Test
    @Order(7)
    void aGracefulStopLosesNoCall() throws Exception {
        List<Load.Outcome> outcomes = Load.run(cluster.gateway(), 3, 20_000, 4_000, () -> cluster.stopHost(2, "TERM"));
        System.out.printf("graceful stop: %d requests in 20 s, host2 stopped at 4 s, %d failed%n", outcomes.size(),
                outcomes.stream().filter(o -> !o.ok()).count());
        String timeline = Load.timeline(outcomes);
        assertThat(outcomes.stream().filter(o -> !o.ok()).toList()).as(timeline).isEmpty();
        // Counted by when they were sent, not how many: the actors of host2 activate again on a host
        // added just before, whose first calls took up to 10.6 s here (a slow day), so throughput
        // after the stop depends on the machine; 16 s leave room for that.
        assertThat(outcomes.stream().filter(o -> o.atMs() < 4_000).count()).as("calls sent before the stop:%n%s", timeline)
                .isGreaterThanOrEqualTo(3);
        assertThat(outcomes.stream().filter(o -> o.atMs() >= 4_000).count()).as("calls sent after the stop began:%n%s", timeline)
                .isGreaterThanOrEqualTo(3);
    }

    private static long invokeCount(String function) throws Exception {
        return Long.parseLong(Http.getJson(cluster.gateway() + "/api/invokecount?api=" + function).get(0).asText().split("##")[1]);
    }
}
