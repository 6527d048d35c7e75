package quire.exchange.internal;

import static quire.exchange.internal.Qde.NS;
import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.descendants;
import static quire.exchange.internal.Qde.first;
import static quire.exchange.internal.Qde.normalise;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Transcript;
import quire.exchange.internal.RecordingReader.PendingRecording;
import quire.exchange.internal.SelectionReader.PendingNote;
import quire.exchange.internal.SelectionReader.Target;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * Reads a {@code .qdpx} archive from NVivo, ATLAS.ti, MAXQDA, QualCoder or Quire into a new project:
 * users become coders, the codebook codes, text sources, the text representations of PDF sources and
 * the transcripts of audio and video sources documents (with their recordings and turn times),
 * selections codings, notes memos on what they referred to, cases participants. What has no place in
 * Quire is listed in the report as skipped, with the reason. Runs inside the caller's transaction,
 * which a refusal rolls back.
 */
@Component
public class QdpxImporter {

	/** What an import made, for the exchange module's report. */
	public record Outcome(ProjectId projectId, String projectName, int users, int codes, int sources, int codings,
			int cases, int notes, List<String> skipped, List<String> warnings) {
	}

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final MemoService memos;

	private final CaseMapper cases;

	private final CodebookReader codebookReader;

	private final SelectionReader selections;

	private final RecordingReader recordings;

	QdpxImporter(ProjectService projects, CorpusService corpus, CodebookService codebook, CodingService codings,
			MemoService memos, CaseMapper cases, CodebookReader codebookReader, SelectionReader selections,
			RecordingReader recordings) {
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.memos = memos;
		this.cases = cases;
		this.codebookReader = codebookReader;
		this.selections = selections;
		this.recordings = recordings;
	}

	/** The state of one import: what the archive's GUIDs became and what was skipped. */
	private static final class Run {

		final Map<String, String> users = new HashMap<>();

		final Map<String, CodeId> codeByGuid = new HashMap<>();

		final Map<CodeId, String> codeNames = new HashMap<>();

		final SelectionReader.Lookup lookup = new SelectionReader.Lookup(codeByGuid, codeNames, users);

		final Map<String, String> groupOfSource = new HashMap<>();

		final Map<String, CodeId> noteTargetsCode = new HashMap<>();

		final Map<String, DocumentId> noteTargetsDocument = new HashMap<>();

		final Map<String, Long> noteTargetsCoding = new HashMap<>();

		final Set<String> seenTexts = new HashSet<>();

		final List<PendingRecording> recordings = new ArrayList<>();

		final List<String> skipped = new ArrayList<>();

		final List<String> warnings = new ArrayList<>();

		int sources;

		int codings;

	}

	/**
	 * @throws IllegalArgumentException naming the file and the reason (malformed or hostile archive,
	 * a project of that name exists, a refused recording)
	 */
	public Outcome read(String newProjectName, String fileName, byte[] content, int maxEntries, long maxEntryBytes,
			long maxTotalBytes) {
		String name = newProjectName.strip();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("the new project needs a name");
		}
		if (projects.findByName(name).isPresent()) {
			throw new IllegalArgumentException("a project named '" + name + "' exists already; choose another name");
		}
		SafeZip zip = SafeZip.read(fileName, content, maxEntries, maxEntryBytes, maxTotalBytes);
		byte[] qde = zip.entry("project.qde")
			.orElseThrow(() -> new IllegalArgumentException(fileName + ": no project.qde in the archive; is it a .qdpx file?"));
		Document doc = SafeXml.parse(fileName + " (project.qde)", qde);
		Element root = doc.getDocumentElement();
		if (!"Project".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
			throw new IllegalArgumentException(fileName + ": project.qde has root <" + root.getLocalName() + "> in namespace '"
					+ root.getNamespaceURI() + "'; expected <Project> in '" + NS + "'");
		}
		Run run = new Run();
		Project project = projects.create(name, "Imported from " + fileName
				+ (root.hasAttribute("origin") ? " (" + root.getAttribute("origin") + ")" : ""));
		ProjectId id = project.id();

		for (Element u : all(first(root, "Users"), "User")) {
			String userName = u.hasAttribute("name") && !u.getAttribute("name").isBlank() ? u.getAttribute("name").strip()
					: u.hasAttribute("id") ? u.getAttribute("id") : "user " + (run.users.size() + 1);
			run.users.put(normalise(u.getAttribute("guid")), userName);
		}
		int codeCount = codebookReader.read(fileName, root, id, run.warnings);
		codebook.codes(id).forEach(c -> {
			run.codeByGuid.put(normalise(c.guid()), c.id());
			run.codeNames.put(c.id(), c.path());
		});
		for (Element set : all(first(root, "Sets"), "Set")) {
			for (Element member : all(set, "MemberSource")) {
				run.groupOfSource.putIfAbsent(normalise(member.getAttribute("targetGUID")), set.getAttribute("name"));
			}
		}
		for (Element code : descendants(first(root, "CodeBook"), "Code")) {
			CodeId codeId = run.codeByGuid.get(normalise(code.getAttribute("guid")));
			for (Element ref : all(code, "NoteRef")) {
				if (codeId != null) {
					run.noteTargetsCode.put(normalise(ref.getAttribute("targetGUID")), codeId);
				}
			}
		}
		Element sourcesElement = first(root, "Sources");
		if (sourcesElement != null) {
			for (Node n = sourcesElement.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element source) {
					String sourceName = source.hasAttribute("name") ? source.getAttribute("name") : "source " + (run.sources + 1);
					switch (source.getLocalName()) {
						case "TextSource" -> textSource(id, fileName, zip, source, sourceName, run);
						case "AudioSource", "VideoSource" -> mediaSource(id, fileName, zip, source, sourceName, run);
						case "PDFSource" -> pdfSource(id, fileName, zip, source, sourceName, run);
						default -> run.skipped.add(source.getLocalName() + " '" + sourceName + "': Quire imports text sources only");
					}
				}
			}
		}

		int noteCount = 0;
		for (Element note : all(first(root, "Notes"), "Note")) {
			String guid = normalise(note.getAttribute("guid"));
			Optional<String> body = SourceFiles.noteText(zip, note);
			if (body.isEmpty() || body.get().isBlank()) {
				run.skipped.add("Note '" + note.getAttribute("name") + "': empty");
				continue;
			}
			String author = run.users.getOrDefault(normalise(note.getAttribute("creatingUser")), "imported");
			String title = note.getAttribute("name");
			if (run.noteTargetsCoding.containsKey(guid)) {
				memos.write(id, MemoTarget.CODING, run.noteTargetsCoding.get(guid), author, title, body.get());
			}
			else if (run.noteTargetsCode.containsKey(guid)) {
				memos.write(id, MemoTarget.CODE, run.noteTargetsCode.get(guid).value(), author, title, body.get());
			}
			else if (run.noteTargetsDocument.containsKey(guid)) {
				memos.write(id, MemoTarget.DOCUMENT, run.noteTargetsDocument.get(guid).value(), author, title, body.get());
			}
			else {
				memos.write(id, MemoTarget.PROJECT, null, author, title, body.get());
			}
			noteCount++;
		}
		int caseCount = cases.read(id, root, run.skipped);
		cases.proposeCasesForSpeakers(id);
		recordings.attachAll(fileName, run.recordings);
		return new Outcome(id, name, run.users.size(), codeCount, run.sources, run.codings, caseCount, noteCount,
				run.skipped, run.warnings);
	}

	private void textSource(ProjectId id, String fileName, SafeZip zip, Element source, String sourceName, Run run) {
		Target target = importText(id, fileName, zip, source, "TextSource '" + sourceName + "'", sourceName,
				source.getAttribute("guid"), run);
		if (target == null) {
			return;
		}
		noteRefs(source, target.stored().document().id(), run);
		List<PendingNote> pending = new ArrayList<>();
		run.codings += selections.plainText(target, source, run.lookup, run.skipped, pending);
		attachNotes(target, source, pending, run);
		sourceLevelParts(source, sourceName, run);
	}

	/**
	 * A PDF source: Quire cannot show the PDF, but NVivo and ATLAS.ti export its text as a
	 * {@code Representation} (a text source inside it) whose {@code PlainTextSelection}s carry the
	 * codings. That text becomes a document named after the PDF, with its codings and notes. Codings on
	 * areas of a page ({@code PDFSelection}) have no place in a text and are reported; a PDF without a
	 * representation is skipped.
	 */
	private void pdfSource(ProjectId id, String fileName, SafeZip zip, Element source, String sourceName, Run run) {
		Element representation = first(source, "Representation");
		List<Element> areas = all(source, "PDFSelection");
		int areaCodings = areas.stream().mapToInt(a -> all(a, "Coding").size()).sum();
		String what = "PDFSource '" + sourceName + "'";
		if (representation == null) {
			run.skipped.add(what + ": PDF without a text representation skipped"
					+ (areaCodings == 0 ? "" : " (with its " + areaCodings + " coding(s) on page areas)"));
			return;
		}
		Target target = importText(id, fileName, zip, representation, what, sourceName, source.getAttribute("guid"), run);
		if (target == null) {
			return;
		}
		DocumentId document = target.stored().document().id();
		noteRefs(source, document, run);
		noteRefs(representation, document, run);
		List<PendingNote> pending = new ArrayList<>();
		run.codings += selections.plainText(target, representation, run.lookup, run.skipped, pending);
		attachNotes(target, representation, pending, run);
		sourceLevelParts(source, sourceName, run);
		if (!areas.isEmpty()) {
			run.skipped.add(areas.size() + " PDF selection(s) (areas of a page, " + areaCodings + " coding(s)) in '"
					+ sourceName + "': Quire imports the codings of the PDF's text representation only");
		}
	}

	/**
	 * An audio or video source: each of its transcripts becomes a document with the source's
	 * recording, its selections codings and its timed sync points turn start times. A source without
	 * a transcript has no text for Quire and is skipped; one whose recording is not in the archive
	 * (other tools may point at a file outside it) is imported without it, with a warning.
	 */
	private void mediaSource(ProjectId id, String fileName, SafeZip zip, Element source, String sourceName, Run run) {
		String kind = source.getLocalName();
		List<Element> transcripts = all(source, "Transcript");
		if (transcripts.isEmpty()) {
			run.skipped.add(kind + " '" + sourceName + "': no transcript; Quire imports a recording with its transcript");
			return;
		}
		Optional<byte[]> media = RecordingReader.mediaFile(zip, source);
		if (media.isEmpty()) {
			run.warnings.add(kind + " '" + sourceName + "': the recording ("
					+ (source.hasAttribute("path") ? source.getAttribute("path") : "no path")
					+ ") is not in the archive; the transcript is imported without it");
		}
		DocumentId first = null;
		for (int i = 0; i < transcripts.size(); i++) {
			Element transcript = transcripts.get(i);
			String name = transcripts.size() == 1 ? sourceName
					: sourceName + " – " + (transcript.getAttribute("name").isBlank() ? "transcript " + (i + 1)
							: transcript.getAttribute("name"));
			Target target = importText(id, fileName, zip, transcript, "Transcript of " + kind + " '" + name + "'", name,
					source.getAttribute("guid"), run);
			if (target == null) {
				continue;
			}
			DocumentId document = target.stored().document().id();
			first = first == null ? document : first;
			noteRefs(transcript, document, run);
			List<PendingNote> pending = new ArrayList<>();
			run.codings += selections.transcript(target, transcript, RecordingReader.positions(transcript), run.lookup,
					run.skipped, pending);
			attachNotes(target, transcript, pending, run);
			recordings.timeTurns(target, RecordingReader.timed(transcript), run.warnings);
			media.ifPresent(bytes -> run.recordings.add(new PendingRecording(document, kind, sourceName,
					source.getAttribute("path"), bytes)));
		}
		if (first != null) {
			noteRefs(source, first, run);
			sourceLevelParts(source, sourceName, run);
			List<Element> spans = all(source, kind.equals("AudioSource") ? "AudioSelection" : "VideoSelection");
			if (!spans.isEmpty()) {
				run.skipped.add(spans.size() + " selection(s) of time spans of the recording ("
						+ spans.stream().mapToInt(a -> all(a, "Coding").size()).sum() + " coding(s)) in '" + sourceName
						+ "': Quire imports the codings of the transcript");
			}
		}
	}

	/**
	 * Parts of an imported source that Quire has no place for, reported: codings of the source as a
	 * whole (Quire codes passages) and source variable values (Quire keeps attributes on participants).
	 */
	private static void sourceLevelParts(Element source, String sourceName, Run run) {
		int whole = all(source, "Coding").size();
		if (whole > 0) {
			run.skipped.add(whole + " coding(s) of the whole source '" + sourceName
					+ "' (not of a passage): Quire codes passages of text");
		}
		int variables = all(source, "VariableValue").size();
		if (variables > 0) {
			run.skipped.add(variables + " variable value(s) of the source '" + sourceName
					+ "': Quire keeps attributes on participants (cases), not on documents");
		}
	}

	/** Imports the text of a source or transcript as a document; null (and the reason in skipped) if it has none. */
	private @Nullable Target importText(ProjectId id, String fileName, SafeZip zip, Element element, String what,
			String sourceName, String sourceGuid, Run run) {
		SourceFiles.Text text = SourceFiles.text(fileName, zip, element, run.warnings);
		if (text.text() == null) {
			run.skipped.add(what + ": " + text.problem());
			return null;
		}
		if (text.text().isBlank()) {
			run.skipped.add(what + ": its text is empty");
			return null;
		}
		String original = text.text();
		String withoutBom = original.startsWith("\uFEFF") ? original.substring(1) : original;
		if (!run.seenTexts.add(Qde.sha256(withoutBom))) {
			run.skipped.add(what + ": the same text as an earlier source");
			return null;
		}
		String group = run.groupOfSource.get(normalise(sourceGuid));
		ImportRequest request = new ImportRequest(safeFileName(sourceName) + ".txt",
				withoutBom.getBytes(StandardCharsets.UTF_8), group, null);
		Optional<String> refused = corpus.unreadable(request);
		if (refused.isPresent()) {
			run.skipped.add(what + ": " + refused.get());
			return null;
		}
		DocumentSummary d = corpus.importDocument(id, request).document();
		run.sources++;
		Transcript stored = corpus.transcript(d.id()).orElseThrow();
		Counting counting = Counting.choose(original, SelectionReader.spans(element));
		if (!counting.equals(Counting.PLAIN)) {
			run.warnings.add(what + ": selection positions read with " + counting.describe()
					+ ", as the selections fit the words best that way");
		}
		return new Target(id, sourceName, stored, OffsetMap.align(original, stored.text()).countedAs(counting, original));
	}

	private static void noteRefs(Element element, DocumentId document, Run run) {
		for (Element ref : all(element, "NoteRef")) {
			run.noteTargetsDocument.put(normalise(ref.getAttribute("targetGUID")), document);
		}
	}

	/**
	 * Notes on codings go to the coding; a note on a selection (an ATLAS.ti quotation comment) to its
	 * first coding, or to the document when none of its codings came over.
	 */
	private void attachNotes(Target target, Element element, List<PendingNote> pending, Run run) {
		DocumentId document = target.stored().document().id();
		for (PendingNote note : pending) {
			codings.codings(document, note.coder()).stream()
				.filter(c -> c.codeId().equals(note.code()) && c.start() >= note.from() && c.end() <= note.to())
				.findFirst()
				.ifPresent(c -> run.noteTargetsCoding.putIfAbsent(note.noteGuid(), c.id().value()));
		}
		for (String kind : List.of("PlainTextSelection", "TranscriptSelection")) {
			for (Element selection : all(element, kind)) {
				for (Element ref : all(selection, "NoteRef")) {
					String guid = normalise(ref.getAttribute("targetGUID"));
					if (!run.noteTargetsCoding.containsKey(guid)) {
						run.noteTargetsDocument.putIfAbsent(guid, document);
					}
				}
			}
		}
	}

	private static String safeFileName(String name) {
		String n = name.replaceAll("[\\\\/:*?\"<>|]+", " ").strip();
		n = n.replaceAll("(?i)\\.(txt|docx|pdf|rtf)$", "");
		return n.isEmpty() ? "source" : n;
	}

}
