package quire.fidelity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.DocumentId;
import quire.fidelity.internal.FidelityStore;
import quire.fidelity.internal.LabCsv;
import quire.fidelity.internal.LabImport;
import quire.fidelity.internal.LabRow;
import quire.fidelity.internal.RowError;
import quire.project.AuditLog;
import quire.project.ProjectAccess;
import quire.project.ProjectId;
import quire.project.ProjectRole;
import quire.stats.Agreement.Coefficient;
import quire.stats.Descriptives;
import quire.stats.Icc;
import quire.tabular.DelimitedText;

/**
 * MITI fidelity of a project: sessions, ratings (imported from a coding lab's CSV, one row per coded
 * session, or coded in Quire), each with its {@link RatingSource} and stored {@link RatingRole},
 * results per session or counsellor and overall over one source's primary ratings (or both pooled,
 * when chosen) against the project's threshold set, and ICC(2,1) reliability for sessions rated by two
 * or more coders, where the reliability ratings count.
 */
@Service
@Transactional(readOnly = true)
public class FidelityService {

	/** The threshold sets a project can choose from; MITI 4.2.1 fair/good is the default. */
	public static final List<ThresholdSet> THRESHOLD_SETS = List.of(ThresholdSet.MITI_4_2_1,
			ThresholdSet.BEGINNING_PROFICIENCY);


	private final FidelityStore store;

	private final Clock clock = Clock.systemUTC();

	private final ProjectAccess access;

	private final AuditLog audit;

	private final long maxFileSize;

	FidelityService(FidelityStore store, ProjectAccess access, AuditLog audit,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize) {
		this.maxFileSize = maxFileSize;
		this.access = access;
		this.audit = audit;
		this.store = store;
	}

	/** A project's sessions by label. */
	public List<MitiSession> sessions(ProjectId project) {
		return store.sessions(project);
	}

	/** A MITI session; empty if there is none or the current actor may not read its project. */
	public Optional<MitiSession> session(MitiSessionId id) {
		return store.session(id).filter(s -> access.can(s.projectId(), ProjectRole.VIEWER));
	}

	/** Creates a session or updates the one with the same label. */
	@Transactional
	public MitiSession saveSession(ProjectId project, String label, @Nullable DocumentId document, String counsellor,
			@Nullable String client, @Nullable LocalDate date, @Nullable Integer firstTurn, @Nullable Integer lastTurn) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "miti", "session '" + label + "' saved");
		String l = requireText(label, "a session needs a label (e.g. the lab's session id)", 100);
		String c = requireText(counsellor, "a session needs its counsellor", 200);
		if ((firstTurn == null) != (lastTurn == null) || (firstTurn != null && firstTurn > lastTurn)) {
			throw new IllegalArgumentException("the coded segment needs a first and a last turn, first <= last");
		}
		return session(store.saveSession(project, l, document, c, client, date, firstTurn, lastTurn)).orElseThrow();
	}

	/** Deletes a session with its ratings. */
	@Transactional
	public void deleteSession(MitiSessionId id) {
		access.require(sessionProject(id), ProjectRole.CODER);
		audit.record(sessionProject(id), "miti", "session '" + session(id).map(MitiSession::label).orElse("?") + "' deleted",
				"session=" + id.value());
		store.deleteSession(id);
	}

	/**
	 * Imports a coding lab's results. When any row is bad nothing is stored unless
	 * {@code goodRowsOnly} is set, in which case the good rows are imported and the bad ones reported.
	 * A rating replaces the same coder's earlier rating of the same session; unknown session labels
	 * become new sessions.
	 * @param mapping column header → field name, for headers Quire does not recognise
	 */
	@Transactional
	public LabImportResult importLab(ProjectId project, String fileName, byte[] content, Map<String, String> mapping,
			boolean goodRowsOnly) {
		access.require(project, ProjectRole.CODER);
		String tooLarge = DelimitedText.tooLarge(content.length, maxFileSize);
		if (tooLarge != null) {
			return new LabImportResult(fileName, false, 0, 0,
					List.of(new LabImportResult.Problem(1, "", fileName + ": " + tooLarge)), List.of());
		}
		LabImport parsed = LabCsv.read(fileName, content, mapping);
		List<LabImportResult.Problem> problems = parsed.errors().stream().map(FidelityService::problem).toList();
		if (!problems.isEmpty() && (!goodRowsOnly || parsed.rows().isEmpty())) {
			return new LabImportResult(fileName, false, 0, 0, problems, parsed.unrecognisedColumns());
		}
		int created = 0;
		for (LabRow row : parsed.rows()) {
			Optional<MitiSession> existing = sessions(project).stream().filter(s -> s.label().equals(row.sessionId())).findFirst();
			MitiSession session;
			if (existing.isPresent()) {
				session = existing.get();
			}
			else {
				session = saveSession(project, row.sessionId(), null, row.counsellorId(), null, null, null, null);
				created++;
			}
			storeRating(session.id(), row.coderId(), RatingSource.LAB, row.globals(), row.counts());
		}
		audit.record(project, "import", "MITI lab CSV '" + fileName + "' (" + parsed.rows().size() + " rows)");
		return new LabImportResult(fileName, true, parsed.rows().size(), created, problems, parsed.unrecognisedColumns());
	}

	/** The field names a lab CSV column can be mapped to (session, counsellor, coder, the globals and counts, ignore). */
	public static List<String> labFields() {
		List<String> fields = new ArrayList<>(LabCsv.fieldNames());
		if (!fields.contains(LabCsv.IGNORE)) {
			fields.add(LabCsv.IGNORE);
		}
		return fields;
	}

	/**
	 * Stores one coder's rating of a session, replacing that coder's earlier one (which keeps its role).
	 * A new rating is the session's primary rating of its source when that source has none yet, else a
	 * reliability rating; {@link #setRole} changes it.
	 */
	@Transactional
	public void saveRating(MitiSessionId session, String coder, RatingSource source, @Nullable MitiGlobals globals,
			MitiCounts counts) {
		access.require(sessionProject(session), ProjectRole.CODER);
		audit.record(sessionProject(session), "miti", "rating of session '" + session(session).map(MitiSession::label)
				.orElse("?") + "' (coder " + coder.strip() + ", " + source.name().toLowerCase(java.util.Locale.ROOT)
				+ ") saved", "session=" + session.value());
		storeRating(session, coder, source, globals, counts);
	}

	/**
	 * Stores a rating without an audit entry of its own: for a change the caller has already logged
	 * (a lab import, global scores saved) or that follows from one (counts recalculated from codings).
	 */
	void storeRating(MitiSessionId session, String coder, RatingSource source, @Nullable MitiGlobals globals,
			MitiCounts counts) {
		store.storeRating(session, requireText(coder, "a rating needs its coder", 100), source, globals, counts,
				clock.instant());
	}

	/**
	 * Makes a coder's rating of a session its primary rating (the session's other rating of the same
	 * source that was primary becomes a reliability rating) or a reliability rating (the session then
	 * has no primary rating of that source until one is chosen, and results leave it out and say so).
	 */
	@Transactional
	public void setRole(MitiSessionId session, String coder, RatingRole role) {
		ProjectId project = sessionProject(session);
		access.require(project, ProjectRole.CODER);
		FidelityStore.StoredRating rating = store.stored(session, coder.strip())
			.orElseThrow(() -> new IllegalArgumentException("session " + store.sessionLabel(session) + " has no rating by '"
					+ coder.strip() + "'; its coders are " + String.join(", ", store.coders(session))));
		store.setRole(session, rating, role);
		audit.record(project, "miti", "session " + store.sessionLabel(session) + ": rating by " + coder.strip() + " made "
				+ role.label());
	}

	/**
	 * Updates the behaviour counts of an existing rating only (used when codings change); does nothing
	 * when the coder has no rating of the session. A recalculation that follows from a coding change,
	 * which the audit log has already recorded with its author: it writes no entry of its own.
	 */
	@Transactional
	public void updateCounts(MitiSessionId session, String coder, MitiCounts counts) {
		access.require(sessionProject(session), ProjectRole.CODER);
		store.updateCounts(session, coder, counts, clock.instant());
	}

	/**
	 * Every rating of a project, by session label and then in the order first recorded, each with its
	 * stored role (see {@link RatingRole}).
	 */
	public List<Rating> ratings(ProjectId project) {
		return store.ratings(project);
	}

	/**
	 * The source results use unless the researcher chooses another: the coding lab where the project
	 * has lab ratings, else coding in Quire where it has those, else the lab.
	 */
	public ResultsSource defaultSource(ProjectId project) {
		List<String> sources = store.sources(project);
		return sources.contains(RatingSource.LAB.name()) || !sources.contains(RatingSource.QUIRE.name()) ? ResultsSource.LAB
				: ResultsSource.QUIRE;
	}

	/**
	 * The ratings results over {@code source} use: per session its complete primary rating of that
	 * source; pooled, a session with primary ratings of both sources counts once, by the lab's.
	 * Reliability ratings are never among them. In session label order.
	 */
	public List<Rating> resultRatings(ProjectId project, ResultsSource source) {
		Map<Long, Rating> chosen = new LinkedHashMap<>();
		for (Rating r : ratings(project)) {
			if (r.primary() && r.scores() != null && source.includes(r.source())) {
				chosen.merge(r.session().id().value(), r, (a, b) -> a.source() == RatingSource.LAB ? a : b);
			}
		}
		return List.copyOf(chosen.values());
	}

	/** The threshold set the project uses (MITI 4.2.1 fair/good until one is chosen). */
	public ThresholdSet thresholdSet(ProjectId project) {
		String name = store.chosenThresholdSet(project).orElse(ThresholdSet.MITI_4_2_1.name());
		return thresholdSet(project, name).orElse(ThresholdSet.MITI_4_2_1);
	}

	/** The built-in threshold sets and the project's own. */
	public List<ThresholdSet> thresholdSets(ProjectId project) {
		List<ThresholdSet> all = new ArrayList<>(THRESHOLD_SETS);
		all.addAll(store.thresholdSets(project));
		return all;
	}

	/** A threshold set of the project (built-in or its own) by name, or by the start of its name. */
	public Optional<ThresholdSet> thresholdSet(ProjectId project, String name) {
		String wanted = name.strip().toLowerCase(java.util.Locale.ROOT);
		List<ThresholdSet> all = thresholdSets(project);
		return all.stream().filter(t -> t.name().toLowerCase(java.util.Locale.ROOT).equals(wanted)).findFirst()
			.or(() -> all.stream().filter(t -> t.name().toLowerCase(java.util.Locale.ROOT).startsWith(wanted)).findFirst());
	}

	/**
	 * Saves one of the project's own threshold sets (replacing one of the same name); built-in names
	 * cannot be reused.
	 */
	@Transactional
	public ThresholdSet saveThresholdSet(ProjectId project, ThresholdSet set) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "miti", "threshold set '" + set.name() + "' saved");
		if (THRESHOLD_SETS.stream().anyMatch(t -> t.name().equalsIgnoreCase(set.name().strip()))) {
			throw new IllegalArgumentException("'" + set.name() + "' is a built-in threshold set; choose another name");
		}
		if (set.name().isBlank() || set.name().length() > 100) {
			throw new IllegalArgumentException("a threshold set needs a name of at most 100 characters");
		}
		store.saveThresholdSet(project, set.name().strip(), set);
		return thresholdSet(project, set.name().strip()).orElseThrow();
	}

	@Transactional
	public void chooseThresholdSet(ProjectId project, ThresholdSet set) {
		access.require(project, ProjectRole.CODER);
		audit.record(project, "miti", "threshold set '" + set.name() + "' chosen");
		store.chooseThresholdSet(project, set.name());
	}

	/** Results over the project's {@linkplain #defaultSource default source}. */
	public FidelityResults results(ProjectId project, ResultsBy by, ThresholdSet thresholds) {
		return results(project, by, thresholds, defaultSource(project));
	}

	/**
	 * Results per session or counsellor and overall over the primary ratings of {@code source} (see
	 * {@link #resultRatings}); reliability ratings are left out. Sessions of that source whose primary
	 * rating is not complete are counted as left out.
	 */
	public FidelityResults results(ProjectId project, ResultsBy by, ThresholdSet thresholds, ResultsSource source) {
		List<Rating> primary = resultRatings(project, source);
		long rated = ratings(project).stream()
			.filter(r -> source.includes(r.source()))
			.map(r -> r.session().id().value())
			.distinct()
			.count();
		Map<String, List<Rating>> groups = new LinkedHashMap<>();
		for (Rating r : primary) {
			String key = by == ResultsBy.SESSION ? r.session().label() : r.session().counsellor();
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
		}
		List<ResultGroup> out = new ArrayList<>();
		groups.entrySet().stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(e -> out.add(group(e.getKey(), e.getValue(), thresholds)));
		int fromLab = (int) primary.stream().filter(r -> r.source() == RatingSource.LAB).count();
		return new FidelityResults(thresholds, by, source, fromLab, primary.size() - fromLab, (int) rated - primary.size(),
				out, group("All sessions", primary, thresholds));
	}

	/**
	 * ICC(2,1) per global and behaviour count over the sessions that all of {@code coders} rated (with
	 * complete globals); every pair or set of coders with shared sessions when {@code coders} is empty —
	 * then the two coders who share the most sessions.
	 */
	public Reliability reliability(ProjectId project, List<String> coders) {
		List<Rating> all = ratings(project).stream().filter(r -> r.globals() != null).toList();
		List<String> chosen = coders.isEmpty() ? busiestPair(all) : List.copyOf(coders);
		if (chosen.size() < 2) {
			return new Reliability(chosen, 0, List.of());
		}
		Map<Long, Map<String, Rating>> bySession = new LinkedHashMap<>();
		for (Rating r : all) {
			if (chosen.contains(r.coder())) {
				bySession.computeIfAbsent(r.session().id().value(), k -> new HashMap<>()).put(r.coder(), r);
			}
		}
		List<Map<String, Rating>> complete = bySession.values().stream().filter(m -> m.keySet().containsAll(chosen)).toList();
		if (complete.size() < 2) {
			return new Reliability(chosen, complete.size(), List.of());
		}
		List<Reliability.Row> rows = new ArrayList<>();
		for (Global g : Global.values()) {
			rows.add(new Reliability.Row(g.label(), Icc.icc21(matrix(complete, chosen, r -> r.globals().get(g)))));
		}
		for (Behaviour b : Behaviour.values()) {
			rows.add(new Reliability.Row(b.label() + " (" + b.shortName() + ")",
					Icc.icc21(matrix(complete, chosen, r -> r.counts().get(b)))));
		}
		return new Reliability(chosen, complete.size(), rows);
	}

	/**
	 * The lab layout (one row per rating) as CSV, for the project's ratings with complete globals; each
	 * session's primary rating comes first, so importing the file elsewhere gives the same roles.
	 */
	public byte[] exportLab(ProjectId project) {
		access.require(project, ProjectRole.VIEWER);
		audit.record(project, "export", "MITI lab CSV");
		List<LabRow> rows = new ArrayList<>();
		int line = 2;
		List<Rating> ordered = ratings(project).stream()
			.sorted(java.util.Comparator.comparing((Rating r) -> r.session().label()).thenComparing(r -> !r.primary()))
			.toList();
		for (Rating r : ordered) {
			if (r.globals() != null) {
				rows.add(new LabRow(line++, r.session().label(), r.session().counsellor(), r.coder(), r.globals(), r.counts()));
			}
		}
		return quire.fidelity.internal.LabCsvWriter.write(rows);
	}

	private static double[][] matrix(List<Map<String, Rating>> sessions, List<String> coders,
			java.util.function.ToIntFunction<Rating> measure) {
		double[][] m = new double[sessions.size()][coders.size()];
		for (int i = 0; i < sessions.size(); i++) {
			for (int j = 0; j < coders.size(); j++) {
				m[i][j] = measure.applyAsInt(sessions.get(i).get(coders.get(j)));
			}
		}
		return m;
	}

	private static List<String> busiestPair(List<Rating> all) {
		Map<Long, List<String>> coders = new HashMap<>();
		for (Rating r : all) {
			coders.computeIfAbsent(r.session().id().value(), k -> new ArrayList<>()).add(r.coder());
		}
		Map<List<String>, Integer> pairs = new HashMap<>();
		for (List<String> list : coders.values()) {
			List<String> sorted = list.stream().distinct().sorted().toList();
			for (int a = 0; a < sorted.size(); a++) {
				for (int b = a + 1; b < sorted.size(); b++) {
					pairs.merge(List.of(sorted.get(a), sorted.get(b)), 1, Integer::sum);
				}
			}
		}
		return pairs.entrySet().stream()
			.max(Map.Entry.<List<String>, Integer>comparingByValue().thenComparing(e -> e.getKey().toString(),
					java.util.Comparator.reverseOrder()))
			.map(Map.Entry::getKey)
			.orElse(List.of());
	}

	private static ResultGroup group(String name, List<Rating> ratings, ThresholdSet thresholds) {
		List<ScoreSummary> scores = new ArrayList<>();
		for (Summary s : Summary.values()) {
			List<Double> values = new ArrayList<>();
			int notDefined = 0;
			int fair = 0;
			int good = 0;
			for (Rating r : ratings) {
				Coefficient v = r.scores().value(s);
				if (!v.defined()) {
					notDefined++;
					continue;
				}
				values.add(v.value());
				Optional<Level> level = thresholds.level(s, v);
				if (level.isPresent() && (level.get() == Level.FAIR || level.get() == Level.GOOD)) {
					fair++;
				}
				if (level.isPresent() && level.get() == Level.GOOD) {
					good++;
				}
			}
			boolean hasThreshold = thresholds.threshold(s).isPresent();
			boolean hasGood = thresholds.threshold(s).map(t -> t.good() != null).orElse(false);
			scores.add(new ScoreSummary(s, Descriptives.of(values.stream().mapToDouble(Double::doubleValue).toArray()),
					notDefined,
					hasThreshold ? Descriptives.share(fair, values.size())
							: Coefficient.undefined("the threshold set '" + thresholds.name() + "' has no threshold for "
									+ s.shortName()),
					hasGood ? Descriptives.share(good, values.size())
							: Coefficient.undefined("the threshold set '" + thresholds.name() + "' has no good level for "
									+ s.shortName())));
		}
		Map<Global, Descriptives.Summary> globals = new EnumMap<>(Global.class);
		for (Global g : Global.values()) {
			globals.put(g, Descriptives.of(ratings.stream().mapToDouble(r -> r.globals().get(g)).toArray()));
		}
		Map<Behaviour, Descriptives.Summary> counts = new EnumMap<>(Behaviour.class);
		for (Behaviour b : Behaviour.values()) {
			counts.put(b, Descriptives.of(ratings.stream().mapToDouble(r -> r.counts().get(b)).toArray()));
		}
		return new ResultGroup(name, ratings.size(), scores, globals, counts);
	}

	private static LabImportResult.Problem problem(RowError e) {
		return new LabImportResult.Problem(e.line(), e.column(), e.reason());
	}

	private static String requireText(@Nullable String value, String message, int max) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			throw new IllegalArgumentException(message);
		}
		if (v.length() > max) {
			throw new IllegalArgumentException(message + ", at most " + max + " characters (got " + v.length() + ")");
		}
		return v;
	}

	/** The project of a MITI session, for the access check. */
	private ProjectId sessionProject(MitiSessionId id) {
		return store.sessionProject(id);
	}

}
