package quire.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

import quire.bench.internal.BareLucene;
import quire.bench.internal.BrowserTiming;
import quire.bench.internal.BenchQuery;
import quire.bench.internal.CorpusManifest;
import quire.bench.internal.MarkdownTable;
import quire.bench.internal.Percentiles;
import quire.bench.internal.PostgresFts;
import quire.bench.internal.Ripgrep;
import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Origin;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.ImportRequest;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;
import quire.report.ReportService;
import quire.search.CodeFilter;
import quire.search.SearchRequest;
import quire.search.SearchService;

/**
 * Measures Quire on a generated corpus in one run, on one machine, against the engines a team could
 * use instead: import and index throughput against a bare Lucene writer with the same analyzers; KWIC
 * latency (top 100 rows with exact totals) against bare Lucene, ripgrep and PostgreSQL full-text
 * search on the same queries; code queries; heap, RSS and index size; the COREQ PDF. Writes a
 * Markdown table with the commands that reproduce it. Missing ripgrep or PostgreSQL make their rows
 * say so instead of failing.
 *
 * <p>
 * Codings are seeded with one batch insert into the coding table followed by an index rebuild: the
 * benchmark needs a million of them in seconds, and per-coding auto-coding is what it must not time.
 */
public class Benchmark {

	/** How many transcripts {@code --quick} uses at most. */
	public static final int QUICK_TRANSCRIPTS = 24;

	private static final long QUICK_CODINGS = 20_000;

	private static final List<String> FILTERS = List.of("none", "group", "speaker");

	private final ProjectService projects;

	private final CorpusService corpus;

	private final SearchService search;

	private final CodebookService codebook;

	private final ReportService report;

	private final JdbcTemplate jdbc;

	private final Path home;

	private final String[] datasource;

	private final quire.security.UserService users;

	private final quire.project.ProjectAccess access;

	private final quire.nlp.SentenceService sentences;

	private final String engine;

	public Benchmark(ProjectService projects, CorpusService corpus, SearchService search, CodebookService codebook,
			ReportService report, JdbcTemplate jdbc, quire.security.UserService users, quire.project.ProjectAccess access,
			quire.nlp.SentenceService sentences,
			Path home, String datasourceUrl, String datasourceUser, String datasourcePassword, String engine) {
		this.engine = engine.strip().toLowerCase(Locale.ROOT);
		this.datasource = new String[] { datasourceUrl, datasourceUser, datasourcePassword };
		this.users = users;
		this.access = access;
		this.sentences = sentences;
		this.projects = projects;
		this.corpus = corpus;
		this.search = search;
		this.codebook = codebook;
		this.report = report;
		this.jdbc = jdbc;
		this.home = home;
	}

	/**
	 * What to run. {@code pgUrl} may point at an unreachable server: its rows then say so.
	 */
	public record Settings(Path corpus, boolean quick, String pgUrl, String pgUser, String pgPassword,
			@Nullable Path out, boolean importOnly) {

		public Settings(Path corpus, boolean quick, String pgUrl, String pgUser, String pgPassword, @Nullable Path out) {
			this(corpus, quick, pgUrl, pgUser, pgPassword, out, false);
		}

	}

	/** The Quire home this run works in. */
	public Path home() {
		return home;
	}

	/** The search engine this run's Quire searches with ({@code quire.search.engine}). */
	public String engine() {
		return engine;
	}

	/** The table and the measures it has rows for. */
	public record Result(String markdown, List<String> measures) {
	}

	/**
	 * Runs the benchmark, printing progress to {@code log}.
	 * @throws IllegalArgumentException if the corpus folder is missing or not a generated corpus
	 */
	public Result run(Settings settings, PrintWriter log) {
		CorpusManifest all = CorpusManifest.read(settings.corpus());
		CorpusManifest manifest = settings.quick() ? all.first(QUICK_TRANSCRIPTS) : all;
		int warmRounds = settings.quick() ? 2 : 3;
		int rounds = settings.quick() ? 5 : 10;
		MarkdownTable table = new MarkdownTable();
		Path work = home.resolve("bench-work");
		try {
			deleteTree(work);
			Files.createDirectories(work);
			String stamp = Instant.now().toString().replace(':', '-');

			// first, while the database holds little: the web app in a child process reads it for the view
			if (!settings.importOnly()) {
				transcriptViewRow(table, stamp, work, log);
			}

			// warm-up of both indexing paths, so neither pays the JIT alone: 3 transcripts left the JIT
			// compiling Quire's longer path (parser, H2, index) through most of a 1,000-transcript import
			CorpusManifest warmupSet = manifest.first(warmupTranscripts(manifest.files().size()));
			log.println("warming up indexing");
			BareLucene.Indexing[] warm = new BareLucene.Indexing[1];
			BareLucene.index(warmupSet, work.resolve("lucene-warmup"), warm).close();
			Project warmup = projects.create("bench warm-up " + stamp, "benchmark warm-up");
			importAll(warmup.id(), warmupSet);
			awaitIndexed(warmup.id(), warmupSet.turns());
			try {
				sentences.awaitStored(Duration.ofMinutes(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while warming up", ex);
			}

			log.printf("bare Lucene: indexing %d transcripts%n", manifest.files().size());
			BareLucene.Indexing[] lucene = new BareLucene.Indexing[1];
			try (BareLucene bare = BareLucene.index(manifest, work.resolve("lucene"), lucene)) {
				log.printf("Quire: importing %d transcripts%n", manifest.files().size());
				Project project = projects.create("bench " + stamp, "benchmark corpus " + settings.corpus());
				long t0 = System.nanoTime();
				Map<String, DocumentId> ids = importAll(project.id(), manifest);
				awaitIndexed(project.id(), manifest.turns());
				double importSeconds = (System.nanoTime() - t0) / 1e9;
				double mb = manifest.bytes() / 1e6;
				double luceneMbs = lucene[0].bytes() / 1e6 / lucene[0].seconds();
				table.add("Import + index, end to end, until every turn is searchable (" + manifest.files().size()
						+ " transcripts, " + MarkdownTable.num(mb) + " MB, " + manifest.turns() + " turns)",
						rate(mb, manifest.turns(), importSeconds),
						"bare Lucene " + rate(lucene[0].bytes() / 1e6, lucene[0].turns(), lucene[0].seconds()),
						MarkdownTable.num(mb / importSeconds / luceneMbs) + " of bare Lucene", "≥ 0.8 of bare Lucene");
				log.println("Quire: waiting for the sentence units, stored in the background");
				long ts = System.nanoTime();
				try {
					if (!sentences.awaitStored(Duration.ofHours(2))) {
						throw new IllegalStateException("the sentence units were not stored within 2 hours");
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for the sentence units", ex);
				}
				double sentenceSeconds = (System.nanoTime() - ts) / 1e9;
				long units = jdbc.queryForObject("select count(*) from sentence_unit", Long.class);
				table.add("Sentence units, stored in the background once the import pauses (" + units + " units)",
						MarkdownTable.num(sentenceSeconds) + " s after the import (" + MarkdownTable.num(mb / sentenceSeconds)
								+ " MB/s); import with them " + MarkdownTable.num(mb / (importSeconds + sentenceSeconds))
								+ " MB/s",
						"bare Lucene " + MarkdownTable.num(luceneMbs) + " MB/s",
						MarkdownTable.num(mb / (importSeconds + sentenceSeconds) / luceneMbs)
								+ " of bare Lucene with the sentence units",
						"–");

				Map<String, CodeId> codes = createCodes(project.id());
				long codingCount = seedCodings(project.id(), manifest,
						settings.quick() ? QUICK_CODINGS : Long.MAX_VALUE, ids, codes, log);

				log.println("Quire: rebuilding the index from the database");
				long t1 = System.nanoTime();
				search.rebuild();
				double rebuildSeconds = (System.nanoTime() - t1) / 1e9;
				double indexedMb = mb + warmupSet.bytes() / 1e6;
				table.add("Index rebuild from the database (with " + codingCount + " codings)",
						rate(indexedMb, manifest.turns() + warmupSet.turns(), rebuildSeconds),
						"bare Lucene " + MarkdownTable.num(luceneMbs) + " MB/s",
						MarkdownTable.num(indexedMb / rebuildSeconds / luceneMbs) + " of bare Lucene",
						"≥ 0.8 of bare Lucene");

				search.commitIndex(); // the size on disk of the index as it stands, not of files older searchers held
				memoryRows(table, indexedMb, lucene[0]);
				if (!settings.importOnly()) {
					latencyRows(table, project.id(), bare, manifest, codes, warmRounds, rounds, settings, log);
					codeQueryRows(table, project.id(), codes, codingCount, warmRounds, rounds, log);
					pdfRow(table, project.id(), manifest, ids.size(), stamp, log);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the benchmark could not use its work folder " + work + ": " + ex.getMessage(),
					ex);
		}
		finally {
			try {
				deleteTree(work);
			}
			catch (IOException ex) {
				log.println("could not delete " + work + ": " + ex.getMessage());
			}
		}
		// the view row was measured first; the table lists it with the other page timing, before the PDF
		if (!settings.importOnly()) {
			MarkdownTable ordered = new MarkdownTable();
			List<MarkdownTable.Row> rows = new ArrayList<>(table.rows());
			MarkdownTable.Row view = rows.remove(0);
			rows.add(rows.size() - 1, view);
			rows.forEach(r -> ordered.add(r.measure(), r.quire(), r.baseline(), r.ratio(), r.target()));
			table = ordered;
		}
		String markdown = header(manifest, all, settings) + "\n" + table.markdown();
		return new Result(markdown, table.rows().stream().map(MarkdownTable.Row::measure).toList());
	}

	/**
	 * Opens a 20,000-word transcript with 500 codings in headless Chromium, served by the packaged
	 * jar started as a web app in a child process that shares this run's database (H2 serves it to
	 * both) and keeps its own index folder. Skipped outside the packaged jar or without Chromium.
	 */
	private void transcriptViewRow(MarkdownTable table, String stamp, Path work, PrintWriter log) {
		String label = "Transcript view (20,000 words, 500 codings) in headless Chromium, until words and stripes show";
		Optional<Path> chromium = BrowserTiming.findChromium();
		String classPath = System.getProperty("java.class.path", "");
		Path jar = classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
				? Path.of(classPath).toAbsolutePath() : null;
		if (chromium.isEmpty()) {
			table.add(label, "skipped: Chromium is not installed", "", "", "≤ 1 s");
			return;
		}
		if (jar == null || !Files.isRegularFile(jar)) {
			table.add(label, "skipped: measured only over the packaged jar (bin/bench --home DIR bench ...)", "",
					"", "≤ 1 s");
			return;
		}
		log.println("Quire web app + headless Chromium: the transcript view");
		Process web = null;
		try {
			Project project = projects.create("bench view " + stamp, "benchmark transcript view");
			var t = new CorpusGenerator(1).transcript(0, 20_000);
			DocumentId id = corpus.importDocument(project.id(), new ImportRequest("view-20000-words.txt",
					t.text().getBytes(java.nio.charset.StandardCharsets.UTF_8), t.group(), t.language()))
				.document()
				.id();
			Map<String, CodeId> codes = createCodes(project.id());
			String viewer = "bench-" + stamp.replaceAll("[^A-Za-z0-9]", "");
			String viewerPassword = "bench-" + java.util.UUID.randomUUID();
			users.create(viewer, "Benchmark viewer", viewerPassword, false);
			access.grant(project.id(), viewer, quire.project.ProjectRole.VIEWER);
			List<Object[]> rows = new ArrayList<>();
			Timestamp now = Timestamp.from(Instant.now());
			for (var c : t.codings(1, 500, 3)) {
				rows.add(new Object[] { project.id().value(), id.value(), codes.get(c.code()).value(), c.start(), c.end(),
						c.coder(), now });
			}
			jdbc.batchUpdate("insert into coding (project_id, document_id, code_id, start_offset, end_offset, coder, "
					+ "created_at) values (?, ?, ?, ?, ?, ?, ?)", rows);
			int port;
			try (var socket = new java.net.ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path webLog = work.resolve("web.log");
			web = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Dquire.home=" + work.resolve("view-home"), "-Dspring.datasource.url=" + datasource[0],
					"-Dspring.datasource.username=" + datasource[1], "-Dspring.datasource.password=" + datasource[2],
					"-Dserver.port=" + port, "-Dquire.demo.on-first-start=false", "-jar", jar.toString())
				.redirectErrorStream(true)
				.redirectOutput(webLog.toFile())
				.start();
			String base = "http://127.0.0.1:" + port;
			long started = System.nanoTime();
			waitForHttp(base + "/", web, Duration.ofMinutes(3));
			double startSeconds = (System.nanoTime() - started) / 1e9;
			try (BrowserTiming browser = BrowserTiming.start(chromium.get(), work.resolve("chromium-profile"))) {
				// The view is measured for a signed-in viewer of the project, as a team member sees it.
				browser.signIn(base, viewer, viewerPassword, Duration.ofMinutes(1));
				String url = base + "/transcript/" + id.value();
				String ready = "document.querySelectorAll('.quire-turn .words').length >= " + t.turns()
						+ " && [...document.querySelectorAll('.stripe')].some(s => s.offsetHeight > 0)";
				double first = browser.timeUntil(url, ready, Duration.ofMinutes(2));
				browser.timeUntil("about:blank", "document.readyState === 'complete'", Duration.ofSeconds(10));
				double again = browser.timeUntil(url, ready, Duration.ofMinutes(1));
				String stripes = browser.evaluate("String(document.querySelectorAll('.stripe').length)");
				table.add(label, "first open " + MarkdownTable.num(first) + " ms (fresh browser), again "
						+ MarkdownTable.num(again) + " ms; " + t.turns() + " turns, " + stripes + " stripes", "",
						"web app started in " + MarkdownTable.num(startSeconds) + " s (not counted)", "≤ 1 s");
			}
		}
		catch (Exception ex) {
			table.add(label, "failed: " + firstLine(ex.getMessage()), "", "", "≤ 1 s");
		}
		finally {
			if (web != null) {
				web.destroy();
				try {
					if (!web.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
						web.destroyForcibly();
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					web.destroyForcibly();
				}
			}
		}
	}

	private static void waitForHttp(String url, Process web, Duration timeout) throws Exception {
		var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!web.isAlive()) {
				throw new IllegalStateException("the web app stopped with status " + web.exitValue());
			}
			try {
				var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
						java.net.http.HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() < 500) {
					return;
				}
			}
			catch (java.io.IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the web app did not answer at " + url + " within " + timeout.toSeconds() + " s");
	}

	/**
	 * Waits until the index holds {@code turns} turns of the project: the index follows the import's
	 * events on other threads, and an import is done for a researcher when it can be searched.
	 */
	private void awaitIndexed(ProjectId project, long turns) {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (search.indexedTurns(project) < turns) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the index did not catch up with the import within 30 minutes");
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the index", ex);
			}
		}
	}

	/** A warm-up of 3% of the corpus, at least 3 and at most 30 transcripts. */
	static int warmupTranscripts(int transcripts) {
		return Math.max(3, Math.min(30, transcripts * 3 / 100));
	}

	/** Imports the corpus as the command line does: {@link CorpusService#importFiles}, in groups. */
	private Map<String, DocumentId> importAll(ProjectId project, CorpusManifest manifest) {
		List<CorpusManifest.Entry> entries = manifest.files();
		List<java.util.function.Supplier<ImportRequest>> files = entries.stream()
			.<java.util.function.Supplier<ImportRequest>>map(e -> () -> {
				try {
					return new ImportRequest(Path.of(e.path()).getFileName().toString(),
							Files.readAllBytes(manifest.root().resolve(e.path())), e.group(), e.language());
				}
				catch (IOException ex) {
					throw new UncheckedIOException("cannot read " + e.path() + ": " + ex.getMessage(), ex);
				}
			})
			.toList();
		List<quire.corpus.ImportOutcome> outcomes = new ArrayList<>();
		corpus.importFiles(project, files, outcomes::addAll);
		Map<String, DocumentId> ids = new HashMap<>();
		for (int i = 0; i < entries.size(); i++) {
			var outcome = outcomes.get(i);
			if (outcome.result() == null) {
				throw new IllegalStateException("the generated file " + entries.get(i).path() + " was rejected: "
						+ java.util.Objects.requireNonNull(outcome.rejection()).getMessage());
			}
			ids.put(entries.get(i).path(), outcome.result().document().id());
		}
		return ids;
	}

	private Map<String, CodeId> createCodes(ProjectId project) {
		Map<String, CodeId> codes = new HashMap<>();
		String[] colours = { "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD" };
		int i = 0;
		for (String theme : List.of("Reach", "Effectiveness", "Adoption", "Implementation", "Maintenance")) {
			Code parent = codebook.create(project, null, draft(theme, colours[i++]));
			codes.put(theme, parent.id());
			for (int k = 1; k <= 4; k++) {
				codes.put(theme + " " + k, codebook.create(project, parent.id(), draft(theme + " " + k, parent.colour())).id());
			}
		}
		return codes;
	}

	private static CodeDraft draft(String name, String colour) {
		return new CodeDraft(name, "", "", "", "", colour, Set.of(), null, Origin.INDUCTIVE);
	}

	private long seedCodings(ProjectId project, CorpusManifest manifest, long limit, Map<String, DocumentId> ids,
			Map<String, CodeId> codes, PrintWriter log) {
		var byPath = manifest.codings(limit);
		List<Object[]> batch = new ArrayList<>();
		long n = 0;
		Timestamp now = Timestamp.from(Instant.now());
		String sql = "insert into coding (project_id, document_id, code_id, start_offset, end_offset, coder, created_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)";
		for (var entry : byPath.entrySet()) {
			DocumentId doc = ids.get(entry.getKey());
			for (CorpusManifest.CodingLine c : entry.getValue()) {
				CodeId code = codes.get(c.code());
				if (doc == null || code == null) {
					continue;
				}
				batch.add(new Object[] { project.value(), doc.value(), code.value(), c.start(), c.end(), c.coder(), now });
				n++;
				if (batch.size() == 10_000) {
					jdbc.batchUpdate(sql, batch);
					batch.clear();
					log.printf("  %d codings%n", n);
				}
			}
		}
		if (!batch.isEmpty()) {
			jdbc.batchUpdate(sql, batch);
		}
		return n;
	}

	private void memoryRows(MarkdownTable table, double textMb, BareLucene.Indexing lucene) throws IOException {
		System.gc();
		System.gc();
		var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		table.add("Heap after indexing (used after GC / committed / max)",
				MarkdownTable.num(heap.getUsed() / 1e6) + " MB / " + MarkdownTable.num(heap.getCommitted() / 1e6) + " MB / "
						+ MarkdownTable.num(heap.getMax() / 1e6) + " MB",
				"", "",
				"≤ 1 GB at 10,000 transcripts");
		table.add("RSS after indexing (whole JVM)", rss().map(kb -> MarkdownTable.num(kb / 1e3) + " MB").orElse("not available"),
				"", "", "");
		if (!engine.equals("lucene")) {
			table.add("Index size on disk vs text", "not measured: the index lives in the " + engine + " cluster",
					"bare Lucene " + MarkdownTable.num(lucene.indexBytes() / 1e6) + " MB", "", "≤ 1.5× text");
			return;
		}
		long index = size(home.resolve("index"));
		table.add("Index size on disk vs text", MarkdownTable.num(index / 1e6) + " MB for " + MarkdownTable.num(textMb)
				+ " MB text", "bare Lucene " + MarkdownTable.num(lucene.indexBytes() / 1e6) + " MB",
				MarkdownTable.num(index / 1e6 / textMb) + "× text", "≤ 1.5× text");
	}

	private void latencyRows(MarkdownTable table, ProjectId project, BareLucene bare, CorpusManifest manifest,
			Map<String, CodeId> codes, int warmRounds, int rounds, Settings settings, PrintWriter log) throws IOException {
		log.println("Quire and bare Lucene: KWIC queries");
		CodeFilter reach = new CodeFilter(List.of(codes.get("Reach")), List.of(), null);
		Map<String, List<Double>> quire = new HashMap<>();
		Map<String, List<Double>> lucene = new HashMap<>();
		Map<String, List<Double>> quireByQuery = new java.util.LinkedHashMap<>();
		Map<String, List<Double>> luceneByQuery = new java.util.LinkedHashMap<>();
		for (int round = 0; round < warmRounds + rounds; round++) {
			boolean measure = round >= warmRounds;
			for (BenchQuery q : BenchQuery.SET) {
				for (String filter : List.of("none", "group", "speaker", "code")) {
					SearchRequest request = new SearchRequest(project, q.quire(), filter.equals("group") ? q.group() : null,
							null, filter.equals("speaker") ? q.speaker() : null, 100,
							filter.equals("code") ? reach : CodeFilter.NONE);
					long t = System.nanoTime();
					search.search(request);
					double ms = (System.nanoTime() - t) / 1e6;
					if (measure) {
						quire.computeIfAbsent(filter, k -> new ArrayList<>()).add(ms);
						quireByQuery.computeIfAbsent(q.quire(), k -> new ArrayList<>()).add(ms);
					}
					if (!filter.equals("code")) {
						t = System.nanoTime();
						bare.search(q, filter);
						ms = (System.nanoTime() - t) / 1e6;
						if (measure) {
							lucene.computeIfAbsent(filter, k -> new ArrayList<>()).add(ms);
							luceneByQuery.computeIfAbsent(q.quire(), k -> new ArrayList<>()).add(ms);
						}
					}
				}
			}
		}
		log.println("per query (all filters), Quire vs bare Lucene:");
		quireByQuery.forEach((query, samples) -> log.printf(Locale.ROOT, "  %-28s Quire %s | bare Lucene %s%n", query,
				MarkdownTable.ms(pct(samples)), MarkdownTable.ms(pct(luceneByQuery.get(query)))));
		for (String filter : List.of("none", "group", "speaker")) {
			Percentiles p = pct(quire.get(filter));
			Percentiles b = pct(lucene.get(filter));
			table.add("KWIC top 100 + exact totals, " + (filter.equals("none") ? "no filter" : filter + " filter"),
					MarkdownTable.ms(p), "bare Lucene (top 100 by score, texts loaded) " + MarkdownTable.ms(b),
					"Quire p99 = " + MarkdownTable.num(p.p99() / b.p99()) + "× bare Lucene", "p99 ≤ 20 ms at 10,000");
		}
		table.add("KWIC top 100 + exact totals, code filter (theme with 4 codes)", MarkdownTable.ms(pct(quire.get("code"))),
				"", "", "p99 ≤ 20 ms at 10,000");
		List<Double> plain = new ArrayList<>();
		FILTERS.forEach(f -> plain.addAll(quire.get(f)));
		Percentiles q = pct(plain);

		Optional<Ripgrep> rg = Ripgrep.find();
		if (rg.isEmpty()) {
			table.add("vs ripgrep, same queries and filters", MarkdownTable.ms(q), "skipped: ripgrep (rg) is not installed",
					"", "≥ 100× faster");
		}
		else {
			log.println("ripgrep: same queries");
			List<Path> files = manifest.files().stream().map(e -> manifest.root().resolve(e.path())).toList();
			List<Double> samples = new ArrayList<>();
			int rgRounds = settings.quick() ? 1 : 2;
			try {
				for (int round = 0; round < 1 + rgRounds; round++) {
					for (BenchQuery bq : BenchQuery.SET) {
						for (String filter : FILTERS) {
							List<Path> scope = !filter.equals("group") ? files
									: manifest.files().stream().filter(e -> e.group().equals(bq.group()))
										.map(e -> manifest.root().resolve(e.path())).toList();
							long t = System.nanoTime();
							rg.get().search(scope, bq, filter);
							if (round > 0) {
								samples.add((System.nanoTime() - t) / 1e6);
							}
						}
					}
				}
				Percentiles r = pct(samples);
				table.add("vs ripgrep, same queries and filters (" + rg.get().version() + ")", MarkdownTable.ms(q),
						"ripgrep " + MarkdownTable.ms(r), MarkdownTable.faster("ripgrep", q, r), "≥ 100× faster");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				table.add("vs ripgrep, same queries and filters", MarkdownTable.ms(q), "interrupted", "", "≥ 100× faster");
			}
		}

		PostgresFts connected;
		try {
			connected = PostgresFts.connect(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
		}
		catch (SQLException ex) {
			String why = "skipped: PostgreSQL not reachable at " + settings.pgUrl() + " (" + firstLine(ex.getMessage()) + ")";
			table.add("vs PostgreSQL FTS ranked (ts_rank, top 100, count)", MarkdownTable.ms(q), why, "", "≥ 10× faster");
			table.add("vs PostgreSQL FTS unranked (count + LIMIT 100)", MarkdownTable.ms(q), why, "", "");
			table.add("PostgreSQL load (COPY + GIN index + analyze)", "", why, "", "");
			return;
		}
		try (PostgresFts pg = connected) {
			log.println("PostgreSQL: loading turns and building the GIN index");
			PostgresFts.Loading loading = pg.load(manifest);
			List<Double> ranked = new ArrayList<>();
			List<Double> unranked = new ArrayList<>();
			int pgRounds = settings.quick() ? 2 : 3;
			for (int round = 0; round < 1 + pgRounds; round++) {
				for (BenchQuery bq : BenchQuery.SET) {
					for (String filter : FILTERS) {
						long t = System.nanoTime();
						pg.ranked(bq, filter);
						double ms = (System.nanoTime() - t) / 1e6;
						t = System.nanoTime();
						pg.unranked(bq, filter);
						double ms2 = (System.nanoTime() - t) / 1e6;
						if (round > 0) {
							ranked.add(ms);
							unranked.add(ms2);
						}
					}
				}
			}
			Percentiles r = pct(ranked);
			Percentiles u = pct(unranked);
			String version = pg.version();
			table.add("vs PostgreSQL FTS ranked (ts_rank, top 100, count) (" + version + ")", MarkdownTable.ms(q),
					"PostgreSQL " + MarkdownTable.ms(r), MarkdownTable.faster("PostgreSQL", q, r), "≥ 10× faster");
			table.add("vs PostgreSQL FTS unranked (count + LIMIT 100)", MarkdownTable.ms(q), "PostgreSQL " + MarkdownTable.ms(u),
					MarkdownTable.faster("PostgreSQL", q, u), "");
			table.add("PostgreSQL load (COPY + GIN index + analyze)",
					"", MarkdownTable.num(manifest.bytes() / 1e6 / loading.seconds()) + " MB/s, " + loading.rows() + " turns, "
							+ MarkdownTable.num(loading.tableBytes() / 1e6) + " MB on disk",
					"", "");
			pg.drop();
		}
		catch (SQLException ex) {
			String why = "failed: " + firstLine(ex.getMessage());
			table.add("vs PostgreSQL FTS ranked (ts_rank, top 100, count)", MarkdownTable.ms(q), why, "", "≥ 10× faster");
			table.add("vs PostgreSQL FTS unranked (count + LIMIT 100)", MarkdownTable.ms(q), why, "", "");
			table.add("PostgreSQL load (COPY + GIN index + analyze)", "", why, "", "");
		}
	}

	private void codeQueryRows(MarkdownTable table, ProjectId project, Map<String, CodeId> codes, long codingCount,
			int warmRounds, int rounds, PrintWriter log) {
		String label = "Code queries: text ∩ code ∩ speaker (" + codingCount + " codings)";
		String within = "Code queries: text inside a code's codings (" + codingCount + " codings)";
		if (codingCount == 0) {
			table.add(label, "skipped: the corpus has no codings (quire generate --codings N)", "", "", "p99 ≤ 50 ms at 1 M");
			table.add(within, "skipped: the corpus has no codings", "", "", "p99 ≤ 50 ms at 1 M");
			return;
		}
		log.println("Quire: code queries");
		List<Double> and = new ArrayList<>();
		List<Double> inside = new ArrayList<>();
		List<CodeFilter> filters = List.of(new CodeFilter(List.of(codes.get("Reach")), List.of(), null),
				new CodeFilter(List.of(codes.get("Adoption 2"), codes.get("Maintenance")), List.of(), null),
				new CodeFilter(List.of(codes.get("Effectiveness 1")), List.of(codes.get("Reach 3")), null));
		for (int round = 0; round < warmRounds + rounds; round++) {
			for (BenchQuery q : BenchQuery.SET) {
				for (CodeFilter f : filters) {
					long t = System.nanoTime();
					search.search(new SearchRequest(project, q.quire(), null, null, q.speaker(), 100, f));
					if (round >= warmRounds) {
						and.add((System.nanoTime() - t) / 1e6);
					}
				}
				long t = System.nanoTime();
				search.search(new SearchRequest(project, q.quire(), null, null, null, 100,
						new CodeFilter(List.of(), List.of(), codes.get("Implementation"))));
				if (round >= warmRounds) {
					inside.add((System.nanoTime() - t) / 1e6);
				}
			}
		}
		table.add(label, MarkdownTable.ms(pct(and)), "", "", "p99 ≤ 50 ms at 1 M");
		table.add(within, MarkdownTable.ms(pct(inside)), "", "", "p99 ≤ 50 ms at 1 M");
	}

	private void pdfRow(MarkdownTable table, ProjectId project, CorpusManifest manifest, int documents, String stamp,
			PrintWriter log) throws IOException {
		ProjectId target = project;
		int n = documents;
		if (documents > 50) {
			log.println("Quire: a 50-document project for the COREQ report");
			target = projects.create("bench COREQ " + stamp, "benchmark report").id();
			importAll(target, manifest.first(50));
			n = 50;
		}
		report.render(target, ReportService.Format.PDF);
		long t = System.nanoTime();
		byte[] pdf = report.render(target, ReportService.Format.PDF);
		double ms = (System.nanoTime() - t) / 1e6;
		table.add("COREQ PDF report, " + n + " documents (second render)", MarkdownTable.num(ms) + " ms, "
				+ MarkdownTable.num(pdf.length / 1e3) + " kB", "", "", "≤ 3 s for 50 documents");
	}

	private String header(CorpusManifest used, CorpusManifest all, Settings settings) {
		Runtime rt = Runtime.getRuntime();
		String generate = all.generatedBy().isEmpty() ? "quire generate --out " + settings.corpus() + " ..."
				: all.generatedBy().replaceFirst("^quire generate", "quire generate --out " + settings.corpus());
		return String.format(Locale.ROOT, """
				## Quire benchmark%s

				Corpus: %d transcripts, %d words, %s MB of text, %d turns. Search engine: %s. Machine: %d cores, %s %s, max heap %s MB, %s.

				Reproduce:

				```
				mvn -B -q package -DskipTests
				bin/bench %s
				bin/bench --home BENCH_HOME bench --corpus %s%s%s
				```
				""", settings.quick() ? " (--quick)" : "", used.files().size(), used.words(),
				MarkdownTable.num(used.bytes() / 1e6), used.turns(), engine, rt.availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"),
				MarkdownTable.num(rt.maxMemory() / 1e6), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
				generate.replaceFirst("^quire ", ""), settings.corpus(), settings.quick() ? " --quick" : "",
				settings.out() == null ? "" : " --out " + settings.out());
	}

	private static Percentiles pct(List<Double> samples) {
		return Percentiles.of(samples.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static String rate(double mb, long turns, double seconds) {
		return String.format(Locale.ROOT, "%s MB/s, %s turns/s (%s s)", MarkdownTable.num(mb / seconds),
				MarkdownTable.num(turns / seconds), MarkdownTable.num(seconds));
	}

	private static String firstLine(@Nullable String s) {
		return s == null ? "no message" : s.lines().findFirst().orElse(s);
	}

	private static Optional<Long> rss() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux: the row says so
		}
		return Optional.empty();
	}

	private static long size(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
		}
	}

	private static void deleteTree(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
