package quire.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;

/**
 * One real-browser journey in Debian's headless Chromium: the app starts on an empty home, creates
 * the first administrator from configuration and the demo project; the researcher is sent to the
 * sign-in page, signs in, uploads a transcript on the Documents page, searches for
 * a phrase, sees the keyword-in-context row, opens the transcript at the highlighted hit and codes
 * it by selecting the words and typing a code's name in the picker, selects the coding by its
 * stripe, sees a colleague's coding arrive by push without losing the selection in another turn,
 * and removes the coding; the members page shows the
 * coding in the audit log, and a search over all the person's projects finds the demo's turns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneyTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-browser"));
		registry.add("quire.demo.on-first-start", () -> "true");
		registry.add("quire.admin.username", () -> "journey");
		registry.add("quire.admin.password", () -> PASSWORD);
	}

	static final String PASSWORD = "journey-password-1";

	@LocalServerPort
	int port;

	@Autowired
	CorpusService corpus;

	@Autowired
	quire.project.ProjectService projects;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	quire.fidelity.FidelityService fidelity;

	@Autowired
	quire.media.MediaService media;


	@TempDir
	Path files;

	ChromeDriver driver;

	WebDriverWait wait;

	@BeforeEach
	void startBrowser() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (System.getenv("CI") == null) {
			assumeTrue(installed, "Debian's chromium and chromium-driver are needed (apt-get install chromium "
					+ "chromium-driver); .ci/run installs them");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1400,1000");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		driver = new ChromeDriver(service, options);
		wait = new WebDriverWait(driver, Duration.ofSeconds(60));
	}

	@AfterEach
	void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	/** The app sends a stranger to the sign-in page; signing in brings them back to where they were going. */
	void signIn() {
		wait.until(d -> d.getCurrentUrl().contains("/login"));
		WebElement user = wait.until(d -> d.findElements(By.cssSelector("vaadin-text-field[name='username'] input"))
			.stream().findFirst().orElse(null));
		user.sendKeys("journey");
		WebElement password = driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input"));
		password.sendKeys(PASSWORD);
		password.sendKeys(org.openqa.selenium.Keys.ENTER);
		wait.until(d -> !d.getCurrentUrl().contains("/login"));
		wait.until(d -> text("signed-in-user").equals("journey"));
	}

	@Test
	void importSearchOpenTheTranscriptAtTheHitAndCodeIt() throws Exception {
		Path transcript = Files.writeString(files.resolve("browser-focus-group.txt"), """
				[00:00:02] Moderator: What did the early follow-up sessions give you?
				[00:00:08] MI Caseworker 4: Time to understand the whole picture of the person, and a quiet
				room where the kettle whistled through every conversation.
				[00:00:20] Moderator: And the interdisciplinarity of the team?
				""", StandardCharsets.UTF_8);

		driver.get(url("documents"));
		signIn();
		wait.until(d -> text("documents").contains("focus-group-mi-caseworkers"));
		WebElement upload = driver.findElement(By.id("upload"));
		WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
				"return arguments[0].querySelector('input[type=file]') "
						+ "|| (arguments[0].shadowRoot && arguments[0].shadowRoot.querySelector('input[type=file]'))",
				upload);
		input.sendKeys(transcript.toString());
		wait.until(d -> text("import-log").contains("Imported browser-focus-group.txt"));
		wait.until(d -> text("documents").contains("browser-focus-group"));
		// a refused file is marked as an error in the upload's own list, never with the green tick
		Path refused = Files.write(files.resolve("refused.txt"), new byte[] { 0, 1, 2, 3, (byte) 0xFF, 0, 0, 7 });
		// empty the input first: the driver adds to a multiple-file input's earlier choice
		((JavascriptExecutor) driver).executeScript("arguments[0].value = ''", input);
		input.sendKeys(refused.toString());
		wait.until(d -> text("import-log").contains("Not imported: refused.txt"));
		JavascriptExecutor page = (JavascriptExecutor) driver;
		wait.until(d -> Boolean.TRUE.equals(page.executeScript("""
				const f = [...document.getElementById('upload').files].find(f => f.name === 'refused.txt');
				return f && !f.complete && !!f.error""")));
		assertThat(page.executeScript("""
				return [...document.getElementById('upload').files].filter(f => f.name === 'browser-focus-group.txt')
				  .map(f => f.complete)"""))
			.as("the imported file, sent once, keeps its tick").isEqualTo(java.util.List.of(true));
		assertThat(page.executeScript("""
				const item = [...document.querySelectorAll('#upload vaadin-upload-file')].find(e => e.textContent.includes('refused.txt')
				  || (e.fileName || '') === 'refused.txt');
				return item ? item.hasAttribute('complete') : 'no item'"""))
			.as("the refused file's row shows no tick").isEqualTo(false);
		screenshot("upload-refused");

		driver.get(url("search?q=%22kettle+whistled%22"));
		wait.until(d -> text("search-summary").contains("1 hit"));
		WebElement grid = driver.findElement(By.id("kwic"));
		wait.until(d -> grid.getText().contains("kettle whistled"));
		screenshot("search");
		// a longer hit in a later row is not cut either: the column is as wide as the longest hit
		driver.get(url("search?q=kettle+OR+interdisciplinarity"));
		wait.until(d -> d.findElement(By.id("kwic")).getText().contains("interdisciplinarity"));
		assertThat(uncutHits()).as("every hit is shown whole").isTrue();
		screenshot("search-long-hit");
		driver.get(url("search?q=%22kettle+whistled%22"));
		wait.until(d -> text("search-summary").contains("1 hit"));
		WebElement grid2 = driver.findElement(By.id("kwic"));
		wait.until(d -> grid2.getText().contains("kettle whistled"));
		WebElement cell = wait.until(d -> d.findElements(By.cssSelector("#kwic vaadin-grid-cell-content"))
			.stream()
			.filter(e -> e.getText().contains("kettle whistled"))
			.findFirst()
			.orElse(null));
		cell.click();

		wait.until(d -> d.getCurrentUrl().contains("/transcript/"));
		WebElement hit = wait.until(d -> d.findElements(By.id("hit")).stream().findFirst().orElse(null));
		assertThat(hit.getText()).isEqualTo("kettle whistled");
		assertThat(driver.findElement(By.id("turn-1")).getText()).contains("MI Caseworker 4");
		screenshot("transcript");

		// Code the highlighted words: select them as a mouse would, pick a code by typing its name.
		((JavascriptExecutor) driver).executeScript("""
				const hit = document.getElementById('hit');
				const range = document.createRange();
				range.selectNodeContents(hit);
				const selection = window.getSelection();
				selection.removeAllRanges();
				selection.addRange(range);
				document.getElementById('turns').dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
				""");
		wait.until(d -> text("selection-info").contains("kettle whistled"));
		WebElement picker = driver.findElement(By.id("code-picker"));
		WebElement pickerInput = (WebElement) ((JavascriptExecutor) driver)
			.executeScript("return arguments[0].querySelector('input')", picker);
		pickerInput.click();
		pickerInput.sendKeys("Meeting setting");
		wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item"))
			.stream()
			.anyMatch(e -> e.getText().contains("Meeting setting and channel")));
		// Enter applies the one code whose name contains what was typed; no arrow key or click needed
		pickerInput.sendKeys(org.openqa.selenium.Keys.ENTER);
		WebElement stripe = wait.until(d -> d.findElements(By.cssSelector("#turn-1 .stripe")).stream().findFirst().orElse(null));
		assertThat(stripe.getAttribute("title")).contains("Meeting setting and channel").contains("journey");
		screenshot("coding");

		// Clicking the stripe selects its coding: one listener on the turns reads the stripe's coding id.
		stripe.click();
		wait.until(d -> text("selected-coding").contains("Meeting setting and channel"));
		wait.until(d -> d.findElements(By.cssSelector("#turn-1 .stripe.selected")).size() == 1);
		String codingId = driver.findElement(By.cssSelector("#turn-1 .stripe.selected")).getAttribute("data-coding");

		// Delete removes the selected coding; the notification's Undo puts the same coding back.
		new org.openqa.selenium.interactions.Actions(driver).sendKeys(org.openqa.selenium.Keys.DELETE).perform();
		wait.until(d -> d.findElements(By.cssSelector("#turn-1 .stripe")).isEmpty());
		WebElement undo = wait.until(d -> d.findElements(By.id("undo-remove-coding")).stream().findFirst().orElse(null));
		undo.click();
		wait.until(d -> d.findElements(By.cssSelector("#turn-1 .stripe.selected[data-coding='" + codingId + "']")).size() == 1);

		// A colleague codes turn 1 while the reader has words of turn 0 selected: the push replaces only
		// turn 1, so turn 0 keeps its DOM nodes and the reader's selection.
		JavascriptExecutor js = (JavascriptExecutor) driver;
		js.executeScript("""
				const words = document.querySelector('#turn-0 .words');
				window.quireTurn0 = words;
				const range = document.createRange();
				range.selectNodeContents(words);
				window.getSelection().removeAllRanges();
				window.getSelection().addRange(range);
				""");
		DocumentId document = new DocumentId(Long.parseLong(driver.getCurrentUrl().replaceAll(".*/transcript/(\\d+).*", "$1")));
		var transcriptText = corpus.transcript(document).orElseThrow();
		var code = codebook.findCode(transcriptText.document().projectId(), "Time and caseload pressure").orElseThrow();
		int colleagueStart = transcriptText.text().indexOf("whole picture");
		Thread colleague = new Thread(() -> codings.code(document, code.id(), colleagueStart, colleagueStart + 10, "Colleague"));
		colleague.start();
		colleague.join();
		// read in the page in one step: the push replaces turn 1's HTML, so an element found a moment
		// earlier can be gone by the time its title is read
		wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
				return [...document.querySelectorAll('#turn-1 .stripe')]
				  .some(e => e.title.includes('Time and caseload pressure — Colleague'))""")));
		assertThat(js.executeScript("return document.querySelector('#turn-0 .words') === window.quireTurn0")).isEqualTo(true);
		assertThat(js.executeScript("const s = window.getSelection(); return s.rangeCount ? s.getRangeAt(0).toString() : ''"))
			.isEqualTo("What did the early follow-up sessions give you?");
		assertThat(driver.findElements(By.cssSelector("#turn-1 .stripe.selected"))).as("the selected coding stays selected")
			.hasSize(1);

		// The selected coding is removed; the colleague's stays.
		driver.findElement(By.id("remove-coding")).click();
		wait.until(d -> Boolean.TRUE.equals(js.executeScript("""
				const s = document.querySelectorAll('#turn-1 .stripe');
				return s.length === 1 && s[0].title.includes('Colleague')""")));

		// Opened from search at a turn far down a long transcript, the page scrolls the hit into view.
		var longOne = corpus.documents(transcriptText.document().projectId()).stream()
			.map(d -> corpus.transcript(d.id()).orElseThrow())
			.filter(t -> t.turns().size() > 150)
			.findFirst()
			.orElseThrow();
		var deep = longOne.turns().get(150);
		driver.get(url("transcript/" + longOne.document().id().value() + "?turn=" + deep.index() + "&start=" + deep.start()
				+ "&end=" + Math.min(deep.end(), deep.start() + 12)));
		wait.until(d -> !d.findElements(By.id("hit")).isEmpty());
		wait.until(d -> Boolean.TRUE.equals(js.executeScript(
				"const r = document.getElementById('hit').getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight")));
		screenshot("transcript-deep-hit");

		// The owner's members page lists the team and the audit log with the coding just made.
		driver.get(url("members"));
		wait.until(d -> text("audit-log").contains("journey"));
		screenshot("members");
		driver.get(url("search/all"));
		WebElement all = wait.until(d -> d.findElements(By.cssSelector("#all-query input")).stream().findFirst().orElse(null));
		all.sendKeys("workload", org.openqa.selenium.Keys.ENTER);
		wait.until(d -> text("all-summary").contains("project"));
		screenshot("search-all");
	}

	/** The furthest any of the page's scrolling elements is scrolled down. */
	private static final String SCROLLED = """
			const l = document.querySelector('vaadin-app-layout');
			const c = l && l.shadowRoot ? l.shadowRoot.querySelector('[part~="content"], [content]') : null;
			return Math.max(...[document.scrollingElement, l, c].filter(e => e).map(e => e.scrollTop));
			""";

	@Test
	void aPageOpensAtItsTopAndBackReturnsToWhereTheReaderWas() {
		driver.get(url("questionnaires"));
		signIn();
		JavascriptExecutor js = (JavascriptExecutor) driver;
		wait.until(d -> ((Number) js.executeScript("return document.body.scrollHeight")).intValue() > 0
				&& !driver.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
		// Scroll the questionnaire page down as a reader would, by whatever element scrolls it.
		wait.until(d -> {
			js.executeScript("""
					const l = document.querySelector('vaadin-app-layout');
					const c = l && l.shadowRoot ? l.shadowRoot.querySelector('[part~="content"], [content]') : null;
					[document.scrollingElement, l, c].filter(e => e).forEach(e => e.scrollTop = 1200);
					""");
			return ((Number) js.executeScript(SCROLLED)).intValue() > 600;
		});
		int before = ((Number) js.executeScript(SCROLLED)).intValue();

		driver.findElement(By.cssSelector("vaadin-side-nav-item[path='joint-displays']")).click();
		wait.until(d -> d.getCurrentUrl().endsWith("/joint-displays"));
		wait.until(d -> text("reaim-display").contains("Adoption"));
		wait.until(d -> ((Number) js.executeScript(SCROLLED)).intValue() == 0);

		driver.navigate().back();
		wait.until(d -> d.getCurrentUrl().contains("/questionnaires"));
		wait.until(d -> Math.abs(((Number) js.executeScript(SCROLLED)).intValue() - before) < 50);
	}

	/**
	 * The demo's MI session has a (synthetic) recording: clicking a turn's time moves the player to the
	 * turn's start and marks that turn as the one being spoken; the page's stream answers a range.
	 */
	@Test
	void clickingATimestampPlaysFromThatTurnAndMarksIt() throws Exception {
		driver.get(url("documents"));
		signIn();
		wait.until(d -> text("documents").contains("mi-session-01"));
		var project = projects.require(quire.corpus.DemoProject.NAME);
		var doc = corpus.findDocument(project.id(), "mi-session-01").orElseThrow();
		var turn = corpus.transcript(doc.id()).orElseThrow().turns().get(6);
		driver.get(url("transcript/" + doc.id().value()));
		wait.until(d -> !d.findElements(By.id("recording-media")).isEmpty());
		JavascriptExecutor js = (JavascriptExecutor) driver;
		Object status = js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('recordings/' + arguments[0], {headers: {Range: 'bytes=0-9'}})
				  .then(r => done(r.status + ' ' + r.headers.get('Content-Range')), e => done('failed ' + e));""", doc.id().value());
		assertThat(String.valueOf(status)).startsWith("206 bytes 0-9/");
		wait.until(d -> ((Number) js.executeScript("return document.getElementById('recording-media').readyState")).intValue() >= 1);
		WebElement time = driver.findElement(By.cssSelector("#turn-" + turn.index() + " .time"));
		js.executeScript("arguments[0].scrollIntoView({block: 'center'})", time);
		time.click();
		wait.until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('recording-media').currentTime"))
			.doubleValue() - turn.startMs() / 1000.0) < 1.0);
		wait.until(d -> "true".equals(String.valueOf(js.executeScript(
				"return document.getElementById('turn-' + arguments[0]).hasAttribute('data-playing')", turn.index()))));
		assertThat(driver.findElements(By.cssSelector("[data-playing]"))).hasSize(1);
		screenshot("recording-player");
	}

	/**
	 * A recording uploaded with its .srt is one document; playing it marks the turn being spoken, and
	 * the turn moves on with the audio. An untimed transcript is aligned while listening: Alt+T sets
	 * the next untimed turn's start to the player's position, shown and stored like an imported time.
	 */
	@Test
	void aRecordingWithItsTranscriptPlaysAlongAndAnUntimedTranscriptIsAlignedWhileListening() throws Exception {
		Path srt = Files.writeString(files.resolve("aligned-talk.srt"), """
				1
				00:00:01,000 --> 00:00:03,500
				Counsellor: What would you like to talk about?

				2
				00:00:04,000 --> 00:00:07,500
				Client: The drinking, I suppose, and my sister's worry about it.

				3
				00:00:08,000 --> 00:00:11,000
				Counsellor: Your sister is worried about you.
				""", StandardCharsets.UTF_8);
		Path wav = Files.write(files.resolve("aligned-talk.wav"),
				quire.media.internal.ToneWav.tones(12_000, java.util.List.of(1000L, 4000L, 8000L), java.util.List.of(880, 440, 880)));
		driver.get(url("documents"));
		signIn();
		wait.until(d -> text("documents").contains("mi-session-01"));
		WebElement input = (WebElement) ((JavascriptExecutor) driver).executeScript(
				"const u = document.getElementById('upload'); return u.querySelector('input[type=file]') "
						+ "|| (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))");
		input.sendKeys(srt + "\n" + wav);
		wait.until(d -> text("import-log").contains("Imported aligned-talk.srt with its recording aligned-talk.wav"));
		var project = projects.require(quire.corpus.DemoProject.NAME);
		var talk = corpus.findDocument(project.id(), "aligned-talk").orElseThrow();
		assertThat(media.find(talk.id())).isPresent();

		JavascriptExecutor js = (JavascriptExecutor) driver;
		driver.get(url("transcript/" + talk.id().value()));
		wait.until(d -> !d.findElements(By.id("recording-media")).isEmpty());
		wait.until(d -> ((Number) js.executeScript("return document.getElementById('recording-media').readyState")).intValue() >= 1);
		// a click on the second turn's time plays from 0:04; the mark moves to the third turn at 0:08
		driver.findElement(By.cssSelector("#turn-1 .time")).click();
		wait.until(d -> "true".equals(String.valueOf(js.executeScript(
				"return document.getElementById('turn-1').hasAttribute('data-playing')"))));
		wait.until(d -> "true".equals(String.valueOf(js.executeScript(
				"return document.getElementById('turn-2').hasAttribute('data-playing')"))));
		assertThat(((Number) js.executeScript("return document.getElementById('recording-media').currentTime")).doubleValue())
			.isGreaterThanOrEqualTo(8.0);
		assertThat(driver.findElements(By.cssSelector("[data-playing]"))).hasSize(1);
		js.executeScript("document.getElementById('recording-media').pause()");

		// an untimed transcript of the same talk, with the same recording, aligned by Alt+T
		var untimed = corpus.importDocument(project.id(), new quire.corpus.ImportRequest("untimed-talk.txt", """
				Counsellor: What would you like to talk about?
				Client: The drinking, I suppose, and my sister's worry about it.
				Counsellor: Your sister is worried about you.
				""".getBytes(StandardCharsets.UTF_8), null, quire.corpus.Language.ENGLISH)).document();
		media.attach(untimed.id(), "untimed-talk.wav", new java.io.ByteArrayInputStream(Files.readAllBytes(wav)));
		driver.get(url("transcript/" + untimed.id().value()));
		wait.until(d -> !d.findElements(By.id("recording-media")).isEmpty());
		wait.until(d -> ((Number) js.executeScript("return document.getElementById('recording-media').readyState")).intValue() >= 1);
		assertThat(text("recording-hint")).contains("press Alt+T as each turn begins");
		for (double at : new double[] { 1.0, 4.0 }) {
			js.executeScript("document.getElementById('recording-media').currentTime = arguments[0]", at);
			wait.until(d -> Math.abs(((Number) js.executeScript("return document.getElementById('recording-media').currentTime"))
				.doubleValue() - at) < 0.01);
			new org.openqa.selenium.interactions.Actions(driver).keyDown(org.openqa.selenium.Keys.ALT).sendKeys("t")
				.keyUp(org.openqa.selenium.Keys.ALT).perform();
		}
		// the turns' HTML is replaced when their time is set: read it afresh each time
		wait.until(d -> "00:00:04".equals(js.executeScript("return document.querySelector('#turn-1 .time').textContent")));
		assertThat(js.executeScript("return document.querySelector('#turn-0 .time').textContent")).isEqualTo("00:00:01");
		assertThat(corpus.transcript(untimed.id()).orElseThrow().turns()).extracting(quire.corpus.Turn::startMs)
			.containsExactly(1000L, 4000L, null);
		// the player follows the new times at once: at 0:04 the second turn is the one being spoken
		wait.until(d -> "true".equals(String.valueOf(js.executeScript(
				"return document.getElementById('turn-1').hasAttribute('data-playing')"))));
		screenshot("recording-align");
	}

	/** Whether every KWIC hit cell shows its whole text (nothing cut off with an ellipsis). */
	private boolean uncutHits() {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
				const grid = document.getElementById('kwic');
				const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')].filter(c => {
				  const slot = c.assignedSlot; const td = slot && slot.parentElement;
				  return td && (td.getAttribute('part') || '').includes('kwic-hit'); });
				return cells.length > 0 && cells.every(c => c.scrollWidth <= c.clientWidth + 1);"""));
	}

	@Test
	void clickingAThemesNameSelectsItAndTheArrowStillExpandsAndCollapses() {
		driver.get(url("codebook"));
		signIn();
		JavascriptExecutor js = (JavascriptExecutor) driver;
		WebElement name = wait.until(d -> d.findElements(By.cssSelector("#code-tree .code-name")).stream()
			.filter(e -> e.getText().equals("Adoption"))
			.findFirst()
			.orElse(null));
		String toggle = """
				const n = [...document.querySelectorAll('#code-tree .code-name')].find(e => e.textContent === 'Adoption');
				return n.closest('vaadin-grid-tree-toggle')""";
		boolean expanded = Boolean.TRUE.equals(js.executeScript("const t = (() => {" + toggle + "})(); return t.expanded"));
		name.click();
		wait.until(d -> text("code-detail").contains("Adoption"));
		assertThat(text("code-detail")).contains("Coded segments (");
		assertThat(js.executeScript("const t = (() => {" + toggle + "})(); return t.expanded"))
			.as("a click on the name selects without collapsing").isEqualTo(expanded);
		// the expander (the toggle itself, beside the name) still expands and collapses
		js.executeScript("const t = (() => {" + toggle + "})(); t.click()");
		wait.until(d -> Boolean.valueOf(!expanded)
			.equals(js.executeScript("const t = (() => {" + toggle + "})(); return t.expanded")));
	}

	@Test
	void atEightHundredPixelsTheCodingPanelStacksBelowTheTextAndTheTextKeepsTheWidth() throws IOException {
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(800, 900));
		var demo = projects.findByName(quire.corpus.DemoProject.NAME).orElseThrow();
		var session = fidelity.sessions(demo.id()).stream().filter(x -> x.document() != null).findFirst().orElseThrow();
		var document = corpus.documents(demo.id()).get(0);
		driver.get(url("transcript/" + document.id().value()));
		signIn();
		JavascriptExecutor js = (JavascriptExecutor) driver;
		wait.until(d -> !d.findElements(By.cssSelector("#turn-0 .words")).isEmpty());
		assertStacked(js, "#turns .words", "#coding-panel");
		screenshot("transcript-800");

		driver.get(url("fidelity/session/" + session.id().value()));
		wait.until(d -> !d.findElements(By.cssSelector("#utterances .quire-utterance")).isEmpty());
		assertStacked(js, "#utterances .quire-utterance", ".quire-miti > .quire-coding-panel");
		screenshot("miti-800");
	}

	/** The text takes most of the window's width and the panel sits below it, not beside it. */
	private void assertStacked(JavascriptExecutor js, String text, String panel) {
		@SuppressWarnings("unchecked")
		java.util.Map<String, Number> r = (java.util.Map<String, Number>) js.executeScript("""
				const t = document.querySelector(arguments[0]).getBoundingClientRect();
				const p = document.querySelector(arguments[1]).getBoundingClientRect();
				return {textWidth: t.width, panelWidth: p.width, panelLeft: p.left, textLeft: t.left, window: innerWidth};""",
				text, panel);
		assertThat(r.get("textWidth").doubleValue()).as("the words take most of the width: %s", r)
			.isGreaterThan(r.get("window").doubleValue() * 0.45);
		assertThat(r.get("panelWidth").doubleValue()).as("the panel spans the page: %s", r)
			.isGreaterThan(r.get("window").doubleValue() * 0.8);
	}

	private String url(String path) {
		return "http://localhost:" + port + "/" + path;
	}

	private String text(String id) {
		return driver.findElements(By.id(id)).stream().findFirst().map(WebElement::getText).orElse("");
	}

	private void screenshot(String name) throws IOException {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

}
