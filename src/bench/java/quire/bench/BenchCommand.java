package quire.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quire.bench.internal.MarkdownTable;
import quire.cli.HomeOption;

/**
 * Runs the benchmark on a generated corpus and prints (and optionally writes) the Markdown table. With
 * {@code --engine opensearch} or {@code both}, the engine this process's Quire does not search with is
 * measured by the same command in a child JVM (its own home under this one, the same corpus and
 * options), one engine after the other, and the tables are set side by side.
 */
@Command(name = "bench",
		description = "Measure import, index and search against bare Lucene, ripgrep and PostgreSQL on a generated corpus.",
		mixinStandardHelpOptions = true)
final class BenchCommand implements Callable<Integer> {

	/** The values of {@code --engine}. */
	static final List<String> ENGINES = List.of("lucene", "opensearch", "both");

	private final Benchmark benchmark;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--corpus", required = true, paramLabel = "DIR", description = "a corpus written by generate")
	Path corpus;

	@Option(names = "--quick", description = "at most " + Benchmark.QUICK_TRANSCRIPTS
			+ " transcripts and fewer rounds (CI smoke run, under 2 minutes)")
	boolean quick;

	@Option(names = "--import-only", description = "measure only import, index rebuild, memory and index size")
	boolean importOnly;

	@Option(names = "--out", paramLabel = "FILE.md", description = "also write the table to this file")
	Path out;

	@Option(names = "--pg-url", defaultValue = "${QUIRE_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/test}",
			description = "PostgreSQL for the full-text baseline (default: ${DEFAULT-VALUE})")
	String pgUrl;

	@Option(names = "--pg-user", defaultValue = "${QUIRE_BENCH_PG_USER:-postgres}", description = "PostgreSQL user")
	String pgUser;

	@Option(names = "--engine", defaultValue = "lucene", paramLabel = "lucene|opensearch|both",
			description = "the search engine(s) Quire is measured on: the embedded index, an OpenSearch cluster "
					+ "(--opensearch-urls), or both, one after the other, in one table (default: ${DEFAULT-VALUE})")
	String engine;

	@Option(names = "--opensearch-urls", paramLabel = "URL[,URL...]",
			description = "the OpenSearch cluster's HTTP addresses for --engine opensearch|both "
					+ "(bin/opensearch-test-cluster starts a test cluster and prints them)")
	String opensearchUrls;

	BenchCommand(Benchmark benchmark) {
		this.benchmark = benchmark;
	}

	/**
	 * The engines {@code --engine} names, in the order they are measured and shown.
	 * @throws IllegalArgumentException if it names none of {@link #ENGINES}
	 */
	static List<String> engines(String option) {
		return switch (option.strip().toLowerCase(Locale.ROOT)) {
			case "lucene" -> List.of("lucene");
			case "opensearch" -> List.of("opensearch");
			case "both" -> List.of("lucene", "opensearch");
			default -> throw new IllegalArgumentException(
					"--engine must be one of " + String.join(", ", ENGINES) + ", was '" + option + "'");
		};
	}

	@Override
	public Integer call() {
		PrintWriter log = spec.commandLine().getErr();
		List<String> engines = engines(engine);
		for (String e : engines) {
			if (!e.equals(benchmark.engine()) && e.equals("opensearch") && (opensearchUrls == null || opensearchUrls.isBlank())) {
				throw new IllegalArgumentException("--engine " + engine.strip() + " needs --opensearch-urls URL[,URL...] "
						+ "(bin/opensearch-test-cluster starts a test cluster and prints its addresses)");
			}
		}
		String markdown;
		if (engines.size() == 1 && engines.get(0).equals(benchmark.engine())) {
			markdown = runHere(log);
		}
		else {
			List<String> tables = new ArrayList<>();
			for (String e : engines) {
				tables.add(e.equals(benchmark.engine()) ? runHere(log) : runInChild(e, log));
			}
			markdown = engines.size() == 1 ? tables.get(0) : sideBySide(engines, tables, opensearchUrls);
		}
		spec.commandLine().getOut().print(markdown);
		spec.commandLine().getOut().flush();
		if (out != null) {
			write(out, markdown);
		}
		return 0;
	}

	/**
	 * One table of several runs' tables: the first run's heading and reproduce block (naming the
	 * engines), then a column per engine.
	 */
	static String sideBySide(List<String> engines, List<String> tables, @Nullable String urls) {
		String first = tables.get(0);
		int table = first.indexOf("\n| Measure |");
		String heading = (table < 0 ? first : first.substring(0, table + 1))
			.replaceFirst("Search engine: [a-z]+\\.", "Search engines: " + String.join(" and ", engines)
					+ " (one after the other, each on its own Quire home and database).")
			.replaceFirst("(bin/bench --home BENCH_HOME bench [^\\n]*)", "$1 --engine both"
					+ (urls == null ? "" : " --opensearch-urls " + urls.replace("$", "\\$")));
		return heading + "\n" + MarkdownTable.sideBySide(engines, tables.stream().map(MarkdownTable::parse).toList());
	}

	private String runHere(PrintWriter log) {
		return benchmark.run(new Benchmark.Settings(corpus, quick, pgUrl, pgUser,
				System.getenv().getOrDefault("QUIRE_BENCH_PG_PASSWORD", ""), out, importOnly), log).markdown();
	}

	/** The same bench in a child JVM whose Quire searches with {@code engine}; its progress goes to the log. */
	private String runInChild(String engine, PrintWriter log) {
		Path childHome = benchmark.home().resolve("bench-" + engine);
		Path table = benchmark.home().resolve("bench-" + engine + ".md");
		List<String> command = childJava();
		command.add("-Dquire.search.engine=" + engine);
		// an alias of its own, so no other Quire's (or earlier run's) index is compared or replaced
		String alias = "quire-bench-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
		if (engine.equals("opensearch")) {
			command.add("-Dquire.search.opensearch.urls=" + opensearchUrls.strip());
			command.add("-Dquire.search.opensearch.index=" + alias);
		}
		try {
			return runChild(engine, command, childHome, table, log);
		}
		finally {
			if (engine.equals("opensearch")) {
				log.println(dropIndices(URI.create(opensearchUrls.strip().split(",")[0].strip()), alias));
				log.flush();
			}
		}
	}

	/**
	 * Deletes the indices a child run made behind {@code alias} ({@code alias-*}), so a bench leaves
	 * nothing in the cluster; returns a line for the log, which says so if it could not.
	 */
	static String dropIndices(URI cluster, String alias) {
		String pattern = alias + "-*";
		try {
			HttpResponse<String> answer = HttpClient.newHttpClient().send(
					HttpRequest.newBuilder(cluster.resolve("/" + pattern)).DELETE().build(),
					HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() / 100 == 2 ? "removed the bench's indices " + pattern + " from " + cluster
					: "could not remove the bench's indices " + pattern + " from " + cluster + " (HTTP "
							+ answer.statusCode() + "): delete them by hand";
		}
		catch (IOException ex) {
			return "could not remove the bench's indices " + pattern + " from " + cluster + " (" + ex.getMessage()
					+ "): delete them by hand";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted before the bench's indices " + pattern + " were removed: delete them by hand";
		}
	}

	private String runChild(String engine, List<String> command, Path childHome, Path table, PrintWriter log) {
		command.addAll(childMain());
		command.addAll(List.of("--home", childHome.toString(), "bench", "--corpus", corpus.toAbsolutePath().toString(),
				"--engine", engine, "--pg-url", pgUrl, "--pg-user", pgUser, "--out", table.toString()));
		if (quick) {
			command.add("--quick");
		}
		if (importOnly) {
			command.add("--import-only");
		}
		log.println("measuring Quire on " + engine + " in a child JVM (home " + childHome + ")");
		log.flush();
		try {
			Files.deleteIfExists(table);
			Process child = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			try (BufferedReader err = new BufferedReader(
					new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
				for (String line = err.readLine(); line != null; line = err.readLine()) {
					log.println("[" + engine + "] " + line);
					log.flush();
				}
			}
			int exit = child.waitFor();
			if (exit != 0 || !Files.isRegularFile(table)) {
				throw new IllegalStateException("the bench on " + engine + " failed (exit " + exit + "); its output is above");
			}
			return Files.readString(table, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run the bench on " + engine + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while the bench ran on " + engine, ex);
		}
	}

	/** This JVM's java with its heap and GC options. */
	private static List<String> childJava() {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (arg.startsWith("-Xm") || arg.startsWith("-XX:") || arg.startsWith("--enable-native-access")) {
				command.add(arg);
			}
		}
		return command;
	}

	/** How this JVM was started: over the packaged jar as bin/bench does, or on a plain class path. */
	private static List<String> childMain() {
		String loaderMain = System.getProperty("loader.main");
		String classPath = System.getProperty("java.class.path");
		if (loaderMain != null) {
			return List.of("-Dloader.path=" + System.getProperty("loader.path", ""), "-Dloader.main=" + loaderMain, "-cp",
					classPath, "org.springframework.boot.loader.launch.PropertiesLauncher");
		}
		return List.of("-cp", classPath, BenchApplication.class.getName());
	}

	private static void write(Path file, String markdown) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, markdown, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
