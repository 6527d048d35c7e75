package quire.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import quire.analysis.JointDisplayRow;
import quire.analysis.JointDisplayService;
import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.corpus.DocumentId;
import quire.project.ProjectId;
import quire.report.CoreqChecklist.Filled;
import quire.report.CoreqChecklist.Session;

/**
 * The COREQ items about the analysis, counted from the thematic codings of the qualitative sessions:
 * 22 new codes per session (the saturation curve), 24 the coders, and 29–32 quotations and major and
 * minor themes by their distinct coded passages.
 */
@Component
class AnalysisItems {

	/** Themes with at least this many distinct coded passages are major, the others minor (items 31, 32). */
	static final int MAJOR_PASSAGES = 10;

	private final CodebookService codebook;

	private final CodingService codings;

	private final JointDisplayService joint;

	AnalysisItems(CodebookService codebook, CodingService codings, JointDisplayService joint) {
		this.codebook = codebook;
		this.codings = codings;
		this.joint = joint;
	}

	/** New thematic codes per qualitative session in data-collection order (item 22's curve). */
	List<Map.Entry<String, Integer>> saturation(ProjectId project, List<Session> sessions) {
		List<Map.Entry<String, Integer>> out = new ArrayList<>();
		newCodes(project, sessions).forEach((s, codes) -> out.add(Map.entry(s.name(), codes.size())));
		return out;
	}

	private Map<Session, List<String>> newCodes(ProjectId project, List<Session> sessions) {
		Map<CodeId, Code> thematic = new HashMap<>();
		ThematicCodes.of(codebook.codes(project)).forEach(c -> thematic.put(c.id(), c));
		Map<DocumentId, List<Coding>> byDocument = byDocument(project);
		Set<CodeId> seen = new HashSet<>();
		Map<Session, List<String>> out = new LinkedHashMap<>();
		for (Session s : sessions) {
			List<String> fresh = new ArrayList<>();
			for (DocumentId d : s.documents()) {
				for (Coding c : byDocument.getOrDefault(d, List.of())) {
					Code code = thematic.get(c.codeId());
					if (code != null && seen.add(code.id())) {
						fresh.add(code.name());
					}
				}
			}
			out.put(s, fresh);
		}
		return out;
	}

	private Map<DocumentId, List<Coding>> byDocument(ProjectId project) {
		Map<DocumentId, List<Coding>> out = new HashMap<>();
		codings.codings(project, null).stream().sorted(Comparator.comparingInt(Coding::start))
			.forEach(c -> out.computeIfAbsent(c.documentId(), k -> new ArrayList<>()).add(c));
		return out;
	}

	/** Item 22: new thematic codes per qualitative session in data-collection order; no claim about saturation itself. */
	void saturation(ProjectId project, List<Session> sessions, List<Code> codes, Map<Integer, Filled> data) {
		if (sessions.isEmpty() || codes.isEmpty()) {
			return;
		}
		Map<Session, List<String>> fresh = newCodes(project, sessions);
		if (fresh.values().stream().allMatch(List::isEmpty)) {
			data.put(22, Filled.cannot("No qualitative session has been coded with a thematic code yet, so no saturation curve can be drawn.",
					List.of()));
			return;
		}
		List<String> lines = new ArrayList<>();
		fresh.forEach((s, names) -> lines.add(s.name() + (s.heldOn() == null ? "" : " (" + Prose.date(s.heldOn()) + ")") + ": "
				+ (names.isEmpty() ? "no new codes" : String.join(", ", names))));
		data.put(22, Filled.of("New thematic codes per qualitative session, in data-collection order: "
				+ Prose.list(fresh.entrySet().stream().map(e -> e.getKey().name() + " " + e.getValue().size()).toList()) + ".", lines));
	}

	/** Item 24: the coders of the qualitative sessions with thematic codes. */
	void coders(ProjectId project, List<Session> sessions, List<Code> codes, Map<Integer, Filled> data) {
		Set<CodeId> thematic = codes.stream().map(Code::id).collect(Collectors.toSet());
		Set<DocumentId> documents = sessions.stream().flatMap(s -> s.documents().stream()).collect(Collectors.toSet());
		Map<String, Integer> perCoder = new TreeMap<>();
		codings.codings(project, null).stream().filter(c -> thematic.contains(c.codeId()) && documents.contains(c.documentId()))
			.forEach(c -> perCoder.merge(c.coder(), 1, Integer::sum));
		if (perCoder.isEmpty()) {
			return;
		}
		data.put(24, Filled.of(Prose.sentence(Prose.countStart(perCoder.size(), "coder", "coders") + " (" + Prose.list(List.copyOf(perCoder.keySet()))
				+ ") coded the qualitative data"), perCoder.entrySet().stream().map(e -> e.getKey() + ": " + Prose.count(e.getValue(), "thematic coding", "thematic codings")).toList()));
	}

	/** Items 29–32: quotes and themes, counting distinct coded passages (two coders' codings of one passage count once). */
	void themes(ProjectId project, List<Session> sessions, List<Code> codes, Map<Integer, Filled> data) {
		Map<DocumentId, Session> sessionOf = new HashMap<>();
		sessions.forEach(s -> s.documents().forEach(d -> sessionOf.put(d, s)));
		Map<DocumentId, List<Coding>> byDocument = byDocument(project);
		List<String> major = new ArrayList<>();
		List<String> minor = new ArrayList<>();
		List<String> lines = new ArrayList<>();
		int quotes = 0;
		for (JointDisplayRow row : joint.reAim(project, null)) {
			for (JointDisplayRow.Theme theme : row.themes()) {
				Optional<Code> code = codes.stream().filter(c -> c.name().equals(theme.name())).findFirst();
				if (code.isEmpty()) {
					continue;
				}
				Map<Session, Integer> perSession = passages(code.get(), codes, sessions, byDocument);
				int total = perSession.values().stream().mapToInt(Integer::intValue).sum();
				if (total == 0) {
					continue;
				}
				quotes += (int) theme.exemplars().stream().filter(e -> sessionOf.containsKey(e.coding().documentId())).count();
				lines.add(theme.name() + " (" + row.dimension() + "): " + perSession.entrySet().stream().filter(e -> e.getValue() > 0)
					.map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", ")));
				(total >= MAJOR_PASSAGES ? major : minor).add(theme.name() + " (" + row.dimension() + ", "
						+ Prose.count(total, "passage", "passages") + ")");
			}
		}
		if (quotes > 0) {
			data.put(29, Filled.of(Prose.sentence(Prose.countStart(quotes, "quotation illustrates", "quotations illustrate")
					+ " the themes, each identified by the speaker's label (e.g. “– MI Caseworker 2”)"), List.of()));
		}
		if (!major.isEmpty() || !minor.isEmpty()) {
			data.put(30, Filled.of("Each theme is given with its distinct coded passages per session; a passage coded by two coders counts once.",
					lines));
		}
		if (!major.isEmpty()) {
			data.put(31, Filled.of("Major themes (" + MAJOR_PASSAGES + " or more distinct coded passages): " + String.join("; ", major) + ".", lines));
		}
		if (!minor.isEmpty()) {
			data.put(32, Filled.of("Minor themes (fewer than " + MAJOR_PASSAGES + " distinct coded passages): " + String.join("; ", minor) + ".",
					lines));
		}
	}

	/**
	 * Distinct coded passages of a theme (with its sub-codes) per session: overlapping codings of one
	 * document merge into one passage; of a session's documents (an original and its de-identified
	 * copy) the one with more passages counts.
	 */
	static Map<Session, Integer> passages(Code theme, List<Code> codes, List<Session> sessions, Map<DocumentId, List<Coding>> byDocument) {
		Set<CodeId> ids = codes.stream().filter(c -> c.id().equals(theme.id()) || c.path().startsWith(theme.path() + " › "))
			.map(Code::id).collect(Collectors.toSet());
		Map<Session, Integer> out = new LinkedHashMap<>();
		for (Session s : sessions) {
			int best = 0;
			for (DocumentId d : s.documents()) {
				int count = 0;
				int end = -1;
				for (Coding c : byDocument.getOrDefault(d, List.of())) {
					if (!ids.contains(c.codeId())) {
						continue;
					}
					if (c.start() >= end) {
						count++;
					}
					end = Math.max(end, c.end());
				}
				best = Math.max(best, count);
			}
			out.put(s, best);
		}
		return out;
	}

}
