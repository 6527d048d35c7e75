package quire.exchange.internal;

import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.first;
import static quire.exchange.internal.Qde.normalise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import quire.coding.CodeId;
import quire.coding.CodingService;
import quire.coding.TextSpan;
import quire.corpus.Transcript;
import quire.project.ProjectId;

/**
 * Reads the codings of one imported text: {@code PlainTextSelection}s (character offsets) of a text
 * source, or {@code TranscriptSelection}s (between two sync points, whose positions are the offsets)
 * of a transcript. Offsets count in the text as the other tool stored it and are moved onto the text
 * as Quire stored it; selections that do not fit are counted and reported, not imported.
 */
@Component
class SelectionReader {

	/** What the archive's GUIDs became: codes (and their paths, for the report) and coders. */
	record Lookup(Map<String, CodeId> codeByGuid, Map<CodeId, String> codeNames, Map<String, String> users) {
	}

	/**
	 * Selections outside their text are listed one by one up to this many per source, then counted,
	 * so that a file with thousands of them still gives a report someone can read.
	 */
	static final int MAX_LISTED = 50;

	/** A note on a coding, attached once the coding exists. */
	record PendingNote(String noteGuid, CodeId code, String coder, int from, int to) {
	}

	/**
	 * The imported text a source's selections point into, as Quire stored it, and the map from the
	 * other tool's offsets (in the {@link Counting} they fit best) onto it.
	 */
	record Target(ProjectId project, String sourceName, Transcript stored, OffsetMap offsets) {
	}

	private final CodingService codings;

	SelectionReader(CodingService codings) {
		this.codings = codings;
	}

	/** The codings of a text source's {@code PlainTextSelection}s. */
	int plainText(Target target, Element source, Lookup lookup, List<String> skipped, List<PendingNote> pending) {
		Map<String, Integer> problems = new LinkedHashMap<>();
		List<Located> located = new ArrayList<>();
		for (Element selection : all(source, "PlainTextSelection")) {
			try {
				located.add(new Located(selection, Integer.parseInt(selection.getAttribute("startPosition").strip()),
						Integer.parseInt(selection.getAttribute("endPosition").strip())));
			}
			catch (NumberFormatException ex) {
				problems.merge("selection(s) whose positions are not numbers", 1, Integer::sum);
			}
		}
		return store(target, located, problems, lookup, skipped, pending);
	}

	/** The codings of a transcript's {@code TranscriptSelection}s, placed by their sync points' positions. */
	int transcript(Target target, Element transcript, Map<String, Integer> syncPositions, Lookup lookup,
			List<String> skipped, List<PendingNote> pending) {
		Map<String, Integer> problems = new LinkedHashMap<>();
		List<Located> located = new ArrayList<>();
		for (Element selection : all(transcript, "TranscriptSelection")) {
			Integer start = syncPositions.get(normalise(selection.getAttribute("fromSyncPoint")));
			Integer end = syncPositions.get(normalise(selection.getAttribute("toSyncPoint")));
			if (start == null || end == null) {
				problems.merge("transcript selection(s) whose sync points are missing or have no position", 1, Integer::sum);
				continue;
			}
			located.add(new Located(selection, start, end));
		}
		return store(target, located, problems, lookup, skipped, pending);
	}

	private record Located(Element selection, int start, int end) {
	}

	/**
	 * The offsets of a text source's {@code PlainTextSelection}s or a transcript's
	 * {@code TranscriptSelection}s (by their sync points), for choosing how the tool counted characters.
	 */
	static List<Counting.Span> spans(Element element) {
		List<Counting.Span> out = new ArrayList<>();
		for (Element selection : all(element, "PlainTextSelection")) {
			try {
				out.add(new Counting.Span(Integer.parseInt(selection.getAttribute("startPosition").strip()),
						Integer.parseInt(selection.getAttribute("endPosition").strip()), selection.getAttribute("name")));
			}
			catch (NumberFormatException ex) {
				// reported when the selections are read
			}
		}
		Map<String, Integer> sync = RecordingReader.positions(element);
		for (Element selection : all(element, "TranscriptSelection")) {
			Integer start = sync.get(normalise(selection.getAttribute("fromSyncPoint")));
			Integer end = sync.get(normalise(selection.getAttribute("toSyncPoint")));
			if (start != null && end != null) {
				out.add(new Counting.Span(start, end, selection.getAttribute("name")));
			}
		}
		return out;
	}

	private int store(Target target, List<Located> selections, Map<String, Integer> problems, Lookup lookup,
			List<String> skipped, List<PendingNote> pending) {
		Map<CodeId, Map<String, List<TextSpan>>> spans = new LinkedHashMap<>();
		Transcript stored = target.stored();
		int length = target.offsets().originalLength();
		int outside = 0;
		for (Located s : selections) {
			int start = s.start();
			int end = s.end();
			String misfit = misfit(start, end, length);
			if (misfit != null) {
				if (++outside <= MAX_LISTED) {
					skipped.add("selection [" + start + ", " + end + ") in '" + target.sourceName() + "' coded "
							+ codeNames(s.selection(), lookup) + ": " + misfit);
				}
				continue;
			}
			int from = target.offsets().map(start);
			int to = target.offsets().map(end);
			String covered = from < to ? stored.text().substring(from, to) : "";
			if (covered.isBlank()) {
				problems.merge("selection(s) that cover no words", 1, Integer::sum);
				continue;
			}
			PendingNote firstCoding = null;
			for (Element coding : all(s.selection(), "Coding")) {
				Element ref = first(coding, "CodeRef");
				CodeId code = ref == null ? null : lookup.codeByGuid().get(normalise(ref.getAttribute("targetGUID")));
				if (code == null) {
					problems.merge("coding(s) referring to a code the codebook does not have", 1, Integer::sum);
					continue;
				}
				String userGuid = coding.hasAttribute("creatingUser") ? coding.getAttribute("creatingUser")
						: s.selection().getAttribute("creatingUser");
				String coder = lookup.users().getOrDefault(normalise(userGuid), "imported");
				spans.computeIfAbsent(code, k -> new LinkedHashMap<>()).computeIfAbsent(coder, k -> new ArrayList<>())
					.add(new TextSpan(stored.document().id(), from, to));
				for (Element noteRef : all(coding, "NoteRef")) {
					pending.add(new PendingNote(normalise(noteRef.getAttribute("targetGUID")), code, coder, from, to));
				}
				firstCoding = firstCoding != null ? firstCoding : new PendingNote("", code, coder, from, to);
			}
			// a note on the selection itself (an ATLAS.ti quotation comment) goes to its first coding
			for (Element noteRef : all(s.selection(), "NoteRef")) {
				if (firstCoding != null) {
					pending.add(new PendingNote(normalise(noteRef.getAttribute("targetGUID")), firstCoding.code(),
							firstCoding.coder(), from, to));
				}
			}
		}
		if (outside > MAX_LISTED) {
			skipped.add((outside - MAX_LISTED) + " more selection(s) outside the text in '" + target.sourceName()
					+ "' (the first " + MAX_LISTED + " are listed)");
		}
		problems.forEach((reason, n) -> skipped.add(n + " " + reason + " in '" + target.sourceName() + "'"));
		int count = 0;
		for (var byCode : spans.entrySet()) {
			for (var byCoder : byCode.getValue().entrySet()) {
				count += codings.codeAll(target.project(), byCode.getKey(), byCoder.getKey(), byCoder.getValue());
			}
		}
		return count;
	}

	/** Why a selection cannot be placed in a text of {@code length} characters, or null if it can. */
	private static @Nullable String misfit(int start, int end, int length) {
		if (start < 0) {
			return "starts before the text";
		}
		if (end < start) {
			return "starts after it ends";
		}
		if (end == start) {
			return "is empty";
		}
		if (end > length) {
			return "ends after the text, which has " + length + " characters";
		}
		return null;
	}

	/** The codes of a selection's codings as the report names them. */
	private static String codeNames(Element selection, Lookup lookup) {
		List<String> names = new ArrayList<>();
		for (Element coding : all(selection, "Coding")) {
			Element ref = first(coding, "CodeRef");
			CodeId code = ref == null ? null : lookup.codeByGuid().get(normalise(ref.getAttribute("targetGUID")));
			names.add(code == null ? "an unknown code" : "'" + lookup.codeNames().getOrDefault(code, "?") + "'");
		}
		return names.isEmpty() ? "with no code" : String.join(", ", names);
	}

}
