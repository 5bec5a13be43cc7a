package io.wasmactors.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The page in real headless Chromium (Debian's chromium + chromium-driver), as a person uses it. */
class BrowserTest extends GatewayTestBase {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + Files.createTempDirectory("wasmactors-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @AfterEach
    void screenshot(TestInfo test) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(test.getTestMethod().orElseThrow().getName() + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void open(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
        browser.get("http://127.0.0.1:" + port + "/");
        waitUpTo(10).until(d -> new Select(d.findElement(By.id("function"))).getOptions().size() >= 2);
    }

    private void runOn(Path file, String function) {
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().normalize().toString());
        new Select(browser.findElement(By.id("function"))).selectByValue(function);
        waitUpTo(5).until(ExpectedConditions.elementToBeClickable(By.id("run"))).click();
    }

    @Test
    void classifyShowsHotdogWithTopFiveBarsAndCallDetails() {
        open(1200, 900);
        runOn(TestFunctions.image("hot_dog.jpg"), "classify");
        waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "hotdog"));
        assertThat(browser.findElements(By.cssSelector("#top5 li"))).hasSize(5);
        assertThat(browser.findElement(By.id("original")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("actor")).getText()).startsWith("classify-");
        assertThat(browser.findElement(By.id("host")).getText()).startsWith("embedded@");
        assertThat(browser.findElement(By.id("latency")).getText()).matches("\\d+ ms");
    }

    @Test
    void grayscaleRendersAGreyImage() {
        open(1200, 900);
        runOn(TestFunctions.image("parrot.jpg"), "grayscale");
        waitUpTo(30).until(d -> ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('result-image'); return i !== null && i.complete && i.naturalWidth > 0;"));
        Object colourful = ((JavascriptExecutor) browser).executeScript("""
                const img = document.getElementById('result-image');
                const canvas = document.createElement('canvas');
                canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
                const ctx = canvas.getContext('2d');
                ctx.drawImage(img, 0, 0);
                const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
                let coloured = 0;
                for (let i = 0; i < data.length; i += 4) {
                  if (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2]) coloured++;
                }
                return coloured;""");
        assertThat(((Number) colourful).longValue()).as("pixels that are not grey").isZero();
    }

    @Test
    void textFileGivesAReadableErrorOnAPhoneSizedScreen() throws IOException {
        open(390, 844);
        Path text = Files.createTempFile("not-an-image", ".txt");
        Files.writeString(text, "This is a shopping list, not a photo.");
        runOn(text, "classify");
        waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText()).contains("not an image");
        Long pageWidth = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        assertThat(pageWidth).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(390);
    }
}
