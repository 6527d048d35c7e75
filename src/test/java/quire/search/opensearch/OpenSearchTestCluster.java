package quire.search.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A real two-node OpenSearch cluster for tests, started once per test JVM and shared by every test
 * that asks for it ({@link #shared()}, or {@link OpenSearchClusterExtension}); it stops when the JVM
 * exits. Each node runs in a child JVM on the classpath the build resolves into
 * {@code target/opensearch/lib} (OpenSearch's Lucene is not Quire's; docs/scale-out.md), from
 * {@code src/test/opensearch-node/QuireTestNode.java}, compiled here on first use. Quire's analysis
 * plugin is installed into each node's {@code plugins} folder from the zip the build makes
 * ({@code src/opensearch-plugin}), which is what an operator installs in a production cluster.
 *
 * <p>
 * Node {@code a} is the cluster manager and holds data; node {@code b} holds data only, so an index
 * with one replica keeps a copy of every shard on each node, and {@link #stop(String)} of {@code b}
 * leaves a cluster that still has a cluster manager and every shard.
 */
public final class OpenSearchTestCluster {

	private static final String MARKER = "QUIRE-NODE-STARTED";

	private static final Duration START = Duration.ofMinutes(3);

	private static OpenSearchTestCluster shared;

	private final Path base;

	private final Path lib;

	/** Quire's analysis plugin zip, installed into each node's home before it starts. */
	private final Path plugin;

	private final Path classes;

	private final int[] transport = new int[2];

	private final int[] http = new int[2];

	private final Process[] processes = new Process[2];

	private final HttpClient client = HttpClient.newHttpClient();

	/** How long the cluster took to start, for the report. */
	private Duration startTime;

	private OpenSearchTestCluster(Path base, Path lib, Path plugin) {
		this.base = base;
		this.lib = lib;
		this.plugin = plugin;
		this.classes = base.resolve("classes");
	}

	/**
	 * The cluster of this JVM, started on first use.
	 * @throws IllegalStateException if the build has not resolved the nodes' classpath, or the nodes do not start
	 */
	public static synchronized OpenSearchTestCluster shared() {
		if (shared == null) {
			Path lib = Path.of(System.getProperty("quire.opensearch.lib", "target/opensearch/lib")).toAbsolutePath();
			if (!Files.isDirectory(lib)) {
				throw new IllegalStateException("There is no OpenSearch classpath at " + lib
						+ ": run the build's generate-test-resources phase (mvn test-compile) without -DskipOpenSearch");
			}
			Path plugin = Path.of(System.getProperty("quire.opensearch.plugin", "target/opensearch/quire-analysis.zip"))
				.toAbsolutePath();
			if (!Files.isRegularFile(plugin)) {
				throw new IllegalStateException("There is no Quire analysis plugin zip at " + plugin
						+ ": run the build's generate-test-resources phase (mvn test-compile) without -DskipOpenSearch");
			}
			// each test JVM (a Surefire fork, a second build) starts its own cluster: its nodes' homes and
			// compiled main class must not meet another's
			Path base = lib.getParent().resolve("jvm-" + ProcessHandle.current().pid());
			OpenSearchTestCluster cluster = new OpenSearchTestCluster(base, lib, plugin);
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAll, "opensearch-test-cluster-stop"));
			cluster.start();
			shared = cluster;
		}
		return shared;
	}

	/** The nodes' HTTP addresses. */
	public List<URI> urls() {
		return List.of(url(0), url(1));
	}

	/** Settings for an engine on this cluster with its own alias. */
	public OpenSearchSettings settings(String index) {
		return OpenSearchSettings.of(urls(), index);
	}

	public Duration startTime() {
		return startTime;
	}

	private URI url(int node) {
		return URI.create("http://127.0.0.1:" + http[node]);
	}

	private void start() {
		long started = System.nanoTime();
		compileNode();
		for (int i = 0; i < 2; i++) {
			transport[i] = freePort();
			http[i] = freePort();
		}
		List<CompletableFuture<Void>> up = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			up.add(launch(i));
		}
		for (CompletableFuture<Void> node : up) {
			await(node);
		}
		awaitHealth("wait_for_nodes=2&wait_for_status=green");
		startTime = Duration.ofNanos(System.nanoTime() - started);
		System.out.println("OpenSearch test cluster (2 nodes) started in " + startTime.toMillis() + " ms");
	}

	/** Stops node {@code a} or {@code b} (its JVM ends). */
	public synchronized void stop(String node) {
		int i = index(node);
		Process process = processes[i];
		try {
			process.getOutputStream().close();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts node {@code a} or {@code b} again and waits until the cluster is whole (both nodes, every shard). */
	public synchronized void restart(String node) {
		await(launch(index(node)));
		awaitHealth("wait_for_nodes=2&wait_for_status=green");
	}

	/** The number of nodes the cluster sees, asked at node {@code a}. */
	public int nodes() {
		return (int) get(0, "/_cat/nodes?h=name").lines().filter(l -> !l.isBlank()).count();
	}

	/** A GET of {@code path} at a node, as text. */
	public String get(int node, String path) {
		return send(node, HttpRequest.newBuilder(url(node).resolve(path)).GET().build());
	}

	/** Deletes indices by name or pattern (after a test). */
	public void delete(String pattern) {
		send(0, HttpRequest.newBuilder(url(0).resolve("/" + pattern)).DELETE().build());
	}

	private String send(int node, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int index(String node) {
		return switch (node) {
			case "a" -> 0;
			case "b" -> 1;
			default -> throw new IllegalArgumentException("the test cluster has nodes a and b, not " + node);
		};
	}

	private void awaitHealth(String condition) {
		String health = get(0, "/_cluster/health?timeout=" + START.toSeconds() + "s&" + condition);
		if (health.contains("\"timed_out\":true")) {
			throw new IllegalStateException("the OpenSearch test cluster did not become whole: " + health);
		}
	}

	/** Starts node {@code i}; the future completes when it prints that it runs. */
	private CompletableFuture<Void> launch(int i) {
		String name = i == 0 ? "a" : "b";
		Path home = base.resolve("home-" + name);
		Path log = base.resolve("node-" + name + ".log");
		try {
			deleteTree(home);
			Files.createDirectories(home);
			PluginZip.install(plugin, home.resolve("plugins"));
			String launcher = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			ProcessBuilder builder = new ProcessBuilder(launcher, "-Xmx384m", "-Xms384m", "-XX:+UseSerialGC",
					"--enable-native-access=ALL-UNNAMED", "-cp", classes + java.io.File.pathSeparator + lib + "/*",
					"QuireTestNode", name, home.toString(), "" + http[i], "" + transport[i],
					transport[0] + "," + transport[1], "a", i == 0 ? "cluster_manager,data" : "data");
			builder.redirectErrorStream(true);
			Process process = builder.start();
			processes[i] = process;
			CompletableFuture<Void> running = new CompletableFuture<>();
			Thread copier = new Thread(() -> copy(process, log, running), "opensearch-node-" + name + "-log");
			copier.setDaemon(true);
			copier.start();
			process.onExit().thenRun(() -> running.completeExceptionally(new IllegalStateException(
					"OpenSearch test node " + name + " stopped before it ran; see " + log)));
			return running;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start OpenSearch test node " + name + ": " + ex.getMessage(), ex);
		}
	}

	private static void copy(Process process, Path log, CompletableFuture<Void> running) {
		try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
				Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				out.write(line);
				out.write('\n');
				if (line.equals(MARKER)) {
					out.flush();
					running.complete(null);
				}
			}
		}
		catch (IOException ex) {
			running.completeExceptionally(ex);
		}
	}

	private static void await(CompletableFuture<Void> node) {
		try {
			node.get(START.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("an OpenSearch test node did not start within " + START, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void stopAll() {
		for (Process process : processes) {
			if (process != null) {
				try {
					process.getOutputStream().close();
				}
				catch (IOException ex) {
					// the node ends with the JVM anyway
				}
			}
		}
		for (Process process : processes) {
			if (process != null) {
				try {
					if (!process.waitFor(20, TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
				catch (InterruptedException ex) {
					process.destroyForcibly();
				}
			}
		}
		// the nodes' data goes with the JVM (every test JVM has its own folder); their logs stay for a failure's reader
		for (String home : List.of("home-a", "home-b")) {
			try {
				deleteTree(base.resolve(home));
			}
			catch (IOException | UncheckedIOException ex) {
				// build output: left for mvn clean
			}
		}
	}

	/** Compiles the node's main class against the nodes' classpath, unless the class is newer than its source. */
	private void compileNode() {
		Path source = Path.of("src/test/opensearch-node/QuireTestNode.java").toAbsolutePath();
		Path compiled = classes.resolve("QuireTestNode.class");
		try {
			if (Files.exists(compiled)
					&& Files.getLastModifiedTime(compiled).compareTo(Files.getLastModifiedTime(source)) > 0) {
				return;
			}
			Files.createDirectories(classes);
			JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
			String classpath;
			try (var jars = Files.list(lib)) {
				// javac run in-process does not expand lib/* as the launcher does
				classpath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).sorted().toList());
			}
			int status = javac.run(null, System.out, System.err, "-proc:none", "-cp", classpath, "-d",
					classes.toString(), source.toString());
			if (status != 0) {
				throw new IllegalStateException("cannot compile " + source + " against " + lib + " (javac exit " + status + ")");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (var paths = Files.walk(folder)) {
			for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
