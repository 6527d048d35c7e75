package quire.fidelity;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingChanged;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.fidelity.internal.FidelityStore;
import quire.fidelity.internal.MitiCodingStore;
import quire.project.ProjectId;

/**
 * MITI coding in Quire: a session's segment as utterances, behaviour codes stored as ordinary codings
 * of the MITI codebook ({@code codebooks/miti-4.2.1.qdc}) on the transcript — so an utterance can also
 * carry thematic codes and be found by search — and the coder's global scores. The coder's rating
 * (counts tallied from the codings in the segment) is kept up to date for the results.
 */
@Service
@Transactional // not read-only: the first read of a project imports the MITI codebook
public class MitiCodingService {

	/** The shipped MITI codebook, on the class path. */
	public static final String MITI_CODEBOOK = "quire/codebooks/miti-4.2.1.qdc";

	/** The name of the MITI codebook's top-level code. */
	public static final String MITI_ROOT = "MITI 4.2.1 behaviour codes";

	private static final Pattern SHORT_NAME = Pattern.compile("\\(([^)]+)\\)\\s*$");

	private final MitiCodingStore store;

	private final FidelityStore sessions;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final FidelityService fidelity;

	private final ProjectAccess access;

	private final AuditLog audit;

	MitiCodingService(MitiCodingStore store, FidelityStore sessions, CorpusService corpus, CodebookService codebook, CodingService codings,
			FidelityService fidelity, ProjectAccess access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
		this.store = store;
		this.sessions = sessions;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.fidelity = fidelity;
	}

	/** The MITI behaviour codes of a project, importing the shipped MITI codebook the first time. */
	@Transactional
	public Map<Behaviour, CodeId> behaviourCodes(ProjectId project) {
		Map<Behaviour, CodeId> found = find(project);
		if (found.size() == Behaviour.values().length) {
			return found;
		}
		try (InputStream in = MitiCodingService.class.getClassLoader().getResourceAsStream(MITI_CODEBOOK)) {
			if (in == null) {
				throw new IllegalStateException("the shipped codebook " + MITI_CODEBOOK + " is missing from the class path");
			}
			codebook.importQdc(project, "miti-4.2.1.qdc", in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		found = find(project);
		if (found.size() != Behaviour.values().length) {
			throw new IllegalStateException("the MITI codebook lacks codes for " + missing(found));
		}
		return found;
	}

	/** The session's segment as utterances, in order. */
	public List<Utterance> utterances(MitiSessionId id) {
		MitiSession session = require(id);
		Transcript t = transcript(session);
		TreeSet<Integer> splits = new TreeSet<>(store.splits(id));
		List<Utterance> out = new ArrayList<>();
		for (Turn turn : segment(session, t)) {
			boolean counsellor = session.counsellor().equals(turn.speaker());
			int start = turn.start();
			List<Integer> cuts = counsellor ? new ArrayList<>(splits.subSet(turn.start() + 1, turn.end())) : new ArrayList<>();
			cuts.add(turn.end());
			for (int cut : cuts) {
				String text = t.text().substring(start, cut).strip();
				if (!text.isEmpty()) {
					out.add(new Utterance(out.size(), turn.index(), turn.speaker(), counsellor, start, cut, text));
				}
				start = cut;
			}
		}
		return out;
	}

	/** The behaviours a coder gave each counsellor utterance, by utterance start offset. */
	public Map<Integer, List<Behaviour>> behaviours(MitiSessionId id, String coder) {
		MitiSession session = require(id);
		Map<CodeId, Behaviour> byCode = invert(behaviourCodes(session.projectId()));
		Map<Integer, List<Behaviour>> out = new LinkedHashMap<>();
		List<Utterance> utterances = utterances(id);
		for (Coding c : codings.codings(document(session), coder)) {
			Behaviour b = byCode.get(c.codeId());
			if (b == null) {
				continue;
			}
			utterances.stream().filter(u -> u.counsellor() && c.start() >= u.start() && c.start() < u.end()).findFirst()
				.ifPresent(u -> out.computeIfAbsent(u.start(), k -> new ArrayList<>()).add(b));
		}
		return out;
	}

	/**
	 * Gives a counsellor utterance a behaviour code, or takes it away when the coder already gave it.
	 * @return true when the code was added
	 */
	@Transactional
	public boolean toggle(MitiSessionId id, Utterance utterance, Behaviour behaviour, String coder) {
		access.require(sessionProject(id), ProjectRole.CODER);
		// one audit entry per key: the coding's ("coded 'SR' in 'MI 3.txt': “So you feel…” (coder Anna)");
		// the counts that follow are a recalculation, not an action
		MitiSession session = require(id);
		if (!utterance.counsellor()) {
			throw new IllegalArgumentException("only the counsellor's utterances are coded in MITI");
		}
		CodeId code = behaviourCodes(session.projectId()).get(behaviour);
		Optional<Coding> existing = codings.codings(document(session), coder).stream()
			.filter(c -> c.codeId().equals(code) && c.start() >= utterance.start() && c.start() < utterance.end())
			.findFirst();
		if (existing.isPresent()) {
			codings.remove(existing.get().id());
		}
		else {
			codings.code(document(session), code, utterance.start(), utterance.end(), coder);
		}
		refreshCounts(session, coder);
		return existing.isEmpty();
	}

	/** Splits a counsellor utterance in two at a document offset inside it. */
	@Transactional
	public void split(MitiSessionId id, int offset) {
		access.require(sessionProject(id), ProjectRole.CODER);
		MitiSession session = require(id);
		Utterance u = utterances(id).stream().filter(x -> x.start() < offset && offset < x.end()).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("offset " + offset + " is not inside an utterance of the segment"));
		audit.record(session.projectId(), "miti", "session '" + session.label() + "': split the utterance "
				+ AuditLog.firstWords(u.text()) + " before " + AuditLog.firstWords(transcript(session).text().substring(offset,
						u.end())), "session=" + id.value() + " at=" + offset);
		if (!u.counsellor()) {
			throw new IllegalArgumentException("only the counsellor's utterances are split");
		}
		store.addSplit(session.id(), offset);
	}

	/** Joins an utterance that was split off with the one before it. */
	@Transactional
	public void join(MitiSessionId id, int offset) {
		access.require(sessionProject(id), ProjectRole.CODER);
		MitiSession session = require(id);
		String after = transcript(session).text().substring(offset, Math.min(transcript(session).text().length(), offset + 200));
		audit.record(session.projectId(), "miti", "session '" + session.label() + "': joined the utterance "
				+ AuditLog.firstWords(after) + " to the one before", "session=" + id.value() + " at=" + offset);
		store.removeSplit(id, offset);
	}

	/** Where to split an utterance: the sentence boundary nearest its middle, if it has more than one sentence. */
	public Optional<Integer> splitPoint(MitiSessionId id, Utterance u) {
		java.text.BreakIterator sentences = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ENGLISH);
		String text = transcript(require(id)).text().substring(u.start(), u.end());
		sentences.setText(text);
		int middle = text.length() / 2;
		Integer best = null;
		for (int b = sentences.next(); b != java.text.BreakIterator.DONE && b < text.length(); b = sentences.next()) {
			if (best == null || Math.abs(b - middle) < Math.abs(best - middle)) {
				best = b;
			}
		}
		return Optional.ofNullable(best).map(b -> u.start() + b);
	}

	/**
	 * Suggested codes for the session's counsellor utterances (English transcripts only; Norwegian
	 * transcripts get none, since the rules read English sentence structure).
	 */
	public List<BehaviourSuggestion> suggestions(MitiSessionId id) {
		MitiSession session = require(id);
		if (transcript(session).document().language() != quire.corpus.Language.ENGLISH) {
			return List.of();
		}
		List<BehaviourSuggestion> out = new ArrayList<>();
		String previousClient = null;
		for (Utterance u : utterances(id)) {
			if (u.counsellor()) {
				quire.fidelity.internal.MitiSuggester.suggest(u.text(), previousClient)
					.ifPresent(s -> out.add(new BehaviourSuggestion(u.start(), s.behaviour(), s.why(), s.confidence())));
				previousClient = null;
			}
			else {
				previousClient = u.text();
			}
		}
		return out;
	}

	/**
	 * The suggestions a coder's screen shows: those whose calibrated confidence reaches the coder's
	 * threshold ({@link #suggestionThreshold}).
	 */
	public List<BehaviourSuggestion> suggestions(MitiSessionId id, String coder) {
		double threshold = suggestionThreshold(require(id).projectId(), coder);
		return suggestions(id).stream().filter(s -> s.confidence() >= threshold).toList();
	}

	/** The threshold used when a coder has set none: rules right less than 7 times in 10 on the tuning set stay hidden. */
	public static final double DEFAULT_SUGGESTION_THRESHOLD = 0.7;

	/** The confidence below which the coder's screen shows no suggestion, in this project. */
	public double suggestionThreshold(ProjectId project, String coder) {
		return store.suggestionThreshold(project, coder).orElse(DEFAULT_SUGGESTION_THRESHOLD);
	}

	/**
	 * Sets the coder's suggestion threshold in this project (0 shows every suggestion, 1 none).
	 * @throws IllegalArgumentException when the threshold is not between 0 and 1
	 */
	@Transactional
	public void setSuggestionThreshold(ProjectId project, String coder, double threshold) {
		if (!(threshold >= 0 && threshold <= 1)) {
			throw new IllegalArgumentException("a suggestion threshold is a confidence between 0 and 1, not " + threshold);
		}
		if (coder == null || coder.isBlank()) {
			throw new IllegalArgumentException("a suggestion threshold belongs to a named coder");
		}
		access.require(project, ProjectRole.CODER);
		store.setSuggestionThreshold(project, coder, threshold);
	}

	/**
	 * Records what the coder did with a suggestion shown for an utterance: coded it with the suggested
	 * behaviour (accepted) or another (changed). A later decision on the same utterance replaces the
	 * earlier one.
	 */
	@Transactional
	public void recordSuggestionOutcome(MitiSessionId id, Utterance utterance, Behaviour suggested, Behaviour chosen,
			String coder) {
		access.require(sessionProject(id), ProjectRole.CODER);
		if (!utterance.counsellor()) {
			throw new IllegalArgumentException("only the counsellor's utterances get suggestions");
		}
		store.recordSuggestionOutcome(id, coder, utterance.start(), suggested, chosen);
	}

	/** Forgets the coder's decision on an utterance's suggestion (the coding was undone). */
	@Transactional
	public void forgetSuggestionOutcome(MitiSessionId id, Utterance utterance, String coder) {
		access.require(sessionProject(id), ProjectRole.CODER);
		store.forgetSuggestionOutcome(id, coder, utterance.start());
	}

	/** Accepted and changed suggestions per session and coder of the project, by session label and coder. */
	public List<SuggestionUse> suggestionUse(ProjectId project) {
		return store.suggestionUse(project);
	}

	/**
	 * Suggested codes for every turn of a counsellor in a transcript (English only).
	 * @throws IllegalArgumentException when the document is missing, not English, or the counsellor never speaks
	 */
	public List<TurnSuggestion> suggest(quire.corpus.DocumentId document, String counsellor) {
		Transcript t = corpus.transcript(document)
			.orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()));
		if (t.document().language() != quire.corpus.Language.ENGLISH) {
			throw new IllegalArgumentException("'" + t.document().name() + "' is " + t.document().language().label()
					+ ": MITI suggestions read English sentence structure only");
		}
		List<TurnSuggestion> out = new ArrayList<>();
		String previousClient = null;
		for (Turn turn : t.turns()) {
			String text = t.turnText(turn).strip();
			if (counsellor.equals(turn.speaker())) {
				String context = previousClient;
				quire.fidelity.internal.MitiSuggester.suggest(text, context)
					.ifPresent(s -> out.add(new TurnSuggestion(turn.index(), text, s.behaviour(), s.why(), s.confidence())));
				previousClient = null;
			}
			else if (turn.speaker() != null) {
				previousClient = text;
			}
		}
		if (out.isEmpty() && t.turns().stream().noneMatch(turn -> counsellor.equals(turn.speaker()))) {
			throw new IllegalArgumentException("'" + counsellor + "' never speaks in '" + t.document().name() + "'");
		}
		return out;
	}

	/**
	 * Every coded counsellor utterance of the project's sessions coded in Quire, one row per utterance
	 * and coder, as CSV (numbers from 1 as the coding screen shows them).
	 */
	public byte[] exportUtterances(ProjectId project) {
		List<quire.fidelity.internal.UtteranceCsv.Row> rows = new ArrayList<>();
		for (MitiSession session : fidelity.sessions(project)) {
			if (session.document() == null) {
				continue;
			}
			List<String> coders = fidelity.ratings(project).stream()
				.filter(r -> r.session().id().equals(session.id()) && r.source() == RatingSource.QUIRE)
				.map(Rating::coder)
				.toList();
			List<Utterance> utterances = utterances(session.id());
			for (String coder : coders) {
				Map<Integer, List<Behaviour>> coded = behaviours(session.id(), coder);
				for (Utterance u : utterances) {
					List<Behaviour> codes = coded.get(u.start());
					if (codes != null) {
						rows.add(new quire.fidelity.internal.UtteranceCsv.Row(session.label(), session.counsellor(), coder,
								u.index() + 1, Turn.number(u.turnIndex()), u.start(), u.end(),
								String.join(" ", codes.stream().map(Behaviour::shortName).toList()), u.text()));
					}
				}
			}
		}
		return quire.fidelity.internal.UtteranceCsv.write(rows);
	}

	/** Saves the coder's four global scores (the counts come from the codings). */
	@Transactional
	public void saveGlobals(MitiSessionId id, String coder, MitiGlobals globals) {
		access.require(sessionProject(id), ProjectRole.CODER);
		MitiSession session = require(id);
		audit.record(session.projectId(), "miti", "global ratings of session '" + session.label() + "' (coder "
				+ coder.strip() + "): CCT " + globals.cct() + ", SST " + globals.sst() + ", Partnership "
				+ globals.partnership() + ", Empathy " + globals.empathy(), "session=" + id.value());
		fidelity.storeRating(id, coder, RatingSource.QUIRE, globals, counts(session, coder));
	}

	/** The coder's global scores of a session, if given. */
	public Optional<MitiGlobals> globals(MitiSessionId id, String coder) {
		return fidelity.ratings(require(id).projectId()).stream()
			.filter(r -> r.session().id().equals(id) && r.coder().equals(coder))
			.findFirst()
			.flatMap(r -> Optional.ofNullable(r.globals()));
	}

	/** The coder's behaviour counts in the session's segment. */
	public MitiCounts counts(MitiSessionId id, String coder) {
		return counts(require(id), coder);
	}

	/** Codings changed elsewhere (the transcript view, a merge): the in-Quire ratings' counts follow. */
	@ApplicationModuleListener
	void on(CodingChanged event) {
		for (MitiSession session : fidelity.sessions(event.projectId())) {
			if (event.documentId().equals(session.document())) {
				for (Rating r : fidelity.ratings(event.projectId())) {
					if (r.session().id().equals(session.id()) && r.source() == RatingSource.QUIRE) {
						fidelity.updateCounts(session.id(), r.coder(), counts(session, r.coder()));
					}
				}
			}
		}
	}

	private void refreshCounts(MitiSession session, String coder) {
		Optional<Rating> rating = fidelity.ratings(session.projectId()).stream()
			.filter(r -> r.session().id().equals(session.id()) && r.coder().equals(coder))
			.findFirst();
		if (rating.isPresent() && rating.get().source() == RatingSource.LAB) {
			return; // a lab's counts are its own
		}
		if (rating.isPresent()) {
			fidelity.updateCounts(session.id(), coder, counts(session, coder));
		}
		else {
			fidelity.storeRating(session.id(), coder, RatingSource.QUIRE, null, counts(session, coder));
		}
	}

	private MitiCounts counts(MitiSession session, String coder) {
		Map<Behaviour, Integer> counts = new EnumMap<>(Behaviour.class);
		Map<CodeId, Behaviour> byCode = invert(behaviourCodes(session.projectId()));
		List<Turn> turns = segment(session, transcript(session));
		int from = turns.isEmpty() ? 0 : turns.get(0).start();
		int to = turns.isEmpty() ? 0 : turns.get(turns.size() - 1).end();
		for (Coding c : codings.codings(document(session), coder)) {
			Behaviour b = byCode.get(c.codeId());
			if (b != null && c.start() >= from && c.start() < to) {
				counts.merge(b, 1, Integer::sum);
			}
		}
		return new MitiCounts(counts);
	}

	private Map<Behaviour, CodeId> find(ProjectId project) {
		Map<Behaviour, CodeId> found = new EnumMap<>(Behaviour.class);
		Optional<Code> root = codebook.codes(project).stream().filter(c -> c.parentId() == null && c.name().equals(MITI_ROOT))
			.findFirst();
		if (root.isEmpty()) {
			return found;
		}
		for (Code c : codebook.codes(project)) {
			if (root.get().id().equals(c.parentId())) {
				Matcher m = SHORT_NAME.matcher(c.name());
				Optional<Behaviour> b = m.find() ? Behaviour.parse(m.group(1)) : Behaviour.parse(c.name());
				b.ifPresent(behaviour -> found.putIfAbsent(behaviour, c.id()));
			}
		}
		return found;
	}

	private static String missing(Map<Behaviour, CodeId> found) {
		List<String> names = new ArrayList<>();
		for (Behaviour b : Behaviour.values()) {
			if (!found.containsKey(b)) {
				names.add(b.shortName());
			}
		}
		return String.join(", ", names);
	}

	private static Map<CodeId, Behaviour> invert(Map<Behaviour, CodeId> codes) {
		Map<CodeId, Behaviour> out = new LinkedHashMap<>();
		codes.forEach((b, c) -> out.put(c, b));
		return out;
	}

	private static List<Turn> segment(MitiSession session, Transcript t) {
		return t.turns().stream()
			.filter(turn -> session.firstTurn() == null
					|| (turn.index() >= session.firstTurn() && turn.index() <= session.lastTurn()))
			.filter(turn -> turn.speaker() != null)
			.toList();
	}

	private MitiSession require(MitiSessionId id) {
		return fidelity.session(id).orElseThrow(() -> new IllegalArgumentException("no MI session with id " + id.value()));
	}

	private quire.corpus.DocumentId document(MitiSession session) {
		if (session.document() == null) {
			throw new IllegalArgumentException("session '" + session.label() + "' has no transcript in Quire: it was rated "
					+ "by a coding lab; link it to a document to code it here");
		}
		return session.document();
	}

	private Transcript transcript(MitiSession session) {
		return corpus.transcript(document(session))
			.orElseThrow(() -> new IllegalArgumentException("the transcript of session '" + session.label() + "' is gone"));
	}

	/** The project of a MITI session, for the access check. */
	private ProjectId sessionProject(MitiSessionId id) {
		return sessions.sessionProject(id);
	}

}
