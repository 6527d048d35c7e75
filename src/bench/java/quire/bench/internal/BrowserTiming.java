package quire.bench.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Times a page in headless Chromium through the DevTools protocol (the JDK's WebSocket, no
 * Selenium at run time): navigate, then poll until a condition holds in the page. Used for the
 * transcript view: until its turns' words and coding stripes are laid out.
 */
public final class BrowserTiming implements AutoCloseable {

	private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process chromium;

	private final WebSocket socket;

	private final AtomicInteger ids = new AtomicInteger();

	private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

	private BrowserTiming(Process chromium, WebSocket socket) {
		this.chromium = chromium;
		this.socket = socket;
	}

	/** Chromium on this machine, or empty. */
	public static Optional<Path> findChromium() {
		for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
			for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
				Path p = Path.of(dir, name);
				if (Files.isExecutable(p)) {
					return Optional.of(p);
				}
			}
		}
		return Optional.empty();
	}

	/** Starts headless Chromium with a throwaway profile and attaches to its page. */
	public static BrowserTiming start(Path executable, Path profile) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(executable.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
				"--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-port=0",
				"--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank")
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String browserUrl = null;
		BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		String line;
		while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
			Matcher m = LISTENING.matcher(line);
			if (m.find()) {
				browserUrl = m.group(1);
				break;
			}
		}
		if (browserUrl == null) {
			p.destroyForcibly();
			throw new IOException("Chromium did not report its DevTools address");
		}
		Thread drain = new Thread(() -> {
			try {
				while (err.readLine() != null) {
					// keep Chromium's stderr from filling its pipe
				}
			}
			catch (IOException ex) {
				// Chromium ended
			}
		}, "chromium-stderr");
		drain.setDaemon(true);
		drain.start();
		URI browser = URI.create(browserUrl);
		HttpClient http = HttpClient.newHttpClient();
		String list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String pageUrl = null;
		for (JsonNode target : JSON.readTree(list)) {
			if ("page".equals(target.path("type").asString())) {
				pageUrl = target.path("webSocketDebuggerUrl").asString();
				break;
			}
		}
		if (pageUrl == null) {
			p.destroyForcibly();
			throw new IOException("Chromium has no page to attach to");
		}
		BrowserTiming[] self = new BrowserTiming[1];
		StringBuilder partial = new StringBuilder();
		WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
			@Override
			public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
				partial.append(data);
				if (last) {
					String message = partial.toString();
					partial.setLength(0);
					if (self[0] != null) {
						self[0].receive(message);
					}
				}
				socket.request(1);
				return null;
			}
		}).join();
		self[0] = new BrowserTiming(p, ws);
		return self[0];
	}

	private void receive(String message) {
		JsonNode node = JSON.readTree(message);
		if (node.has("id")) {
			CompletableFuture<JsonNode> f = pending.remove(node.get("id").asInt());
			if (f != null) {
				f.complete(node);
			}
		}
	}

	private JsonNode call(String method, Map<String, Object> params) throws Exception {
		int id = ids.incrementAndGet();
		CompletableFuture<JsonNode> f = new CompletableFuture<>();
		pending.put(id, f);
		socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
		return f.get(60, TimeUnit.SECONDS);
	}

	/**
	 * Navigates and returns the milliseconds until {@code condition} (a JavaScript expression) is true.
	 * @throws IllegalStateException if it is not true within the timeout
	 */
	public double timeUntil(String url, String condition, Duration timeout) throws Exception {
		long start = System.nanoTime();
		call("Page.navigate", Map.of("url", url));
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode r = call("Runtime.evaluate", Map.of("expression", "!!(" + condition + ")", "returnByValue", true));
			if (r.path("result").path("result").path("value").asBoolean(false)) {
				return (System.nanoTime() - start) / 1e6;
			}
			Thread.sleep(10);
		}
		throw new IllegalStateException("the page at " + url + " was not ready within " + timeout.toSeconds() + " s");
	}

	/**
	 * Signs in through Quire's sign-in page (the Vaadin login form), as a person would, and waits
	 * until the app has left the sign-in page.
	 * @throws IllegalStateException if the form does not appear or the sign-in does not succeed
	 */
	public void signIn(String base, String username, String password, Duration timeout) throws Exception {
		timeUntil(base + "/login", "document.querySelector('vaadin-password-field[name=\"password\"] input') !== null",
				timeout);
		String fill = """
				(function(){
				  const u = document.querySelector('vaadin-text-field[name="username"]');
				  const p = document.querySelector('vaadin-password-field[name="password"]');
				  u.value = %s; p.value = %s;
				  u.dispatchEvent(new Event('input', {bubbles: true})); p.dispatchEvent(new Event('input', {bubbles: true}));
				  const b = document.querySelector('vaadin-login-form vaadin-button[slot="submit"]')
				    || document.querySelector('vaadin-login-form vaadin-button');
				  if (b) { b.click(); return 'clicked'; }
				  p.querySelector('input').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true}));
				  return 'enter';
				})()""".formatted(JSON.writeValueAsString(username), JSON.writeValueAsString(password));
		evaluate(fill);
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			String where = evaluate("location.pathname");
			if (!where.isEmpty() && !where.startsWith("/login")) {
				return;
			}
			Thread.sleep(50);
		}
		throw new IllegalStateException("signing in as " + username + " did not leave the sign-in page");
	}

	/** Evaluates an expression in the page and returns its value as text. */
	public String evaluate(String expression) throws Exception {
		return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).path("result")
			.path("result")
			.path("value")
			.asString("");
	}

	@Override
	public void close() {
		socket.abort();
		chromium.destroy();
		try {
			if (!chromium.waitFor(5, TimeUnit.SECONDS)) {
				chromium.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			chromium.destroyForcibly();
		}
	}

}
