package quire.exchange;

import quire.project.AuditLog;
import quire.project.ProjectRole;
import quire.project.ProjectAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.coding.TextSpan;
import quire.corpus.Attribute;
import quire.corpus.AttributeKind;
import quire.corpus.CorpusService;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.corpus.DocumentId;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Participant;
import quire.corpus.Transcript;
import quire.exchange.internal.OffsetMap;
import quire.exchange.internal.SafeXml;
import quire.exchange.internal.SafeZip;
import quire.fidelity.FidelityService;
import quire.fidelity.Global;
import quire.fidelity.Rating;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * REFI-QDA project exchange. Export writes {@code project.qde} (users, codebook with Quire's code
 * sets, participants as cases, text sources with their codings as {@code PlainTextSelection}s, memos
 * as notes, document groups as source sets, MITI global scores as source variables) and the plain
 * texts under {@code Sources/}. Import reads archives from other tools into a new project in one
 * transaction: a rejected archive leaves nothing behind.
 */
@Service
@Transactional(readOnly = true)
public class QdpxService {

	public static final int MAX_ENTRIES = 10_000;

	public static final long MAX_ENTRY_BYTES = 200L << 20;

	public static final long MAX_TOTAL_BYTES = 1L << 30;

	static final String NS = "urn:QDA-XML:project:1.0";

	static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final MemoService memos;

	private final FidelityService fidelity;

	private final ParticipantService participants;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final SpeakerLinkService speakers;

	QdpxService(ProjectService projects, CorpusService corpus, CodebookService codebook, CodingService codings,
			MemoService memos, FidelityService fidelity, ParticipantService participants, ProjectAccess access, AuditLog audit,
			SpeakerLinkService speakers) {
		this.speakers = speakers;
		this.access = access;
		this.audit = audit;
		this.participants = participants;
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.memos = memos;
		this.fidelity = fidelity;
	}

	// ---- export --------------------------------------------------------------------------------

	/** The project as a {@code .qdpx} archive. */
	public byte[] export(ProjectId projectId) {
		access.require(projectId, ProjectRole.VIEWER);
		audit.record(projectId, "export", "REFI-QDA project (.qdpx)");
		Project project = projects.find(projectId)
			.orElseThrow(() -> new IllegalArgumentException("no project with id " + projectId.value()));
		List<DocumentSummary> documents = corpus.documents(projectId);
		List<Coding> all = codings.codings(projectId, null);
		List<Memo> notes = memos.all(projectId);
		Map<String, String> users = new LinkedHashMap<>();
		all.forEach(c -> users.computeIfAbsent(c.coder(), QdpxService::userGuid));
		notes.forEach(m -> users.computeIfAbsent(m.author(), QdpxService::userGuid));
		Map<Long, String> codeGuids = new HashMap<>();
		codebook.codes(projectId).forEach(c -> codeGuids.put(c.id().value(), c.guid()));
		Document qdc = SafeXml.parse("codebook", codebook.exportQdc(projectId));
		Map<Long, String> noteGuid = new HashMap<>();
		notes.forEach(m -> noteGuid.put(m.id(), guid("quire-note:" + projectId.value() + ":" + m.id())));

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			ByteArrayOutputStream qde = new ByteArrayOutputStream();
			XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(qde, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.setDefaultNamespace(NS);
			w.writeStartElement(NS, "Project");
			w.writeDefaultNamespace(NS);
			w.writeAttribute("name", project.name());
			w.writeAttribute("origin", "Quire");
			w.writeAttribute("creationDateTime", DateTimeFormatter.ISO_INSTANT.format(Instant.now()));
			if (!users.isEmpty()) {
				w.writeStartElement(NS, "Users");
				for (var u : users.entrySet()) {
					w.writeEmptyElement(NS, "User");
					w.writeAttribute("guid", u.getValue());
					w.writeAttribute("name", u.getKey());
				}
				w.writeEndElement();
			}
			Element codes = first(qdc.getDocumentElement(), "Codes");
			Map<String, List<String>> codeNotes = new HashMap<>();
			for (Memo m : notes) {
				if (m.target() == MemoTarget.CODE && m.targetId() != null && codeGuids.containsKey(m.targetId())) {
					codeNotes.computeIfAbsent(normalise(codeGuids.get(m.targetId())), k -> new ArrayList<>()).add(noteGuid.get(m.id()));
				}
			}
			if (codes != null && first(codes, "Code") != null) {
				w.writeStartElement(NS, "CodeBook");
				w.writeStartElement(NS, "Codes");
				copyCodes(w, codes, codeNotes);
				w.writeEndElement();
				w.writeEndElement();
			}
			writeVariablesAndCases(w, projectId);
			Map<Long, List<Memo>> memosByDocument = new HashMap<>();
			Map<Long, List<Memo>> memosByCoding = new HashMap<>();
			for (Memo m : notes) {
				if (m.target() == MemoTarget.DOCUMENT && m.targetId() != null) {
					memosByDocument.computeIfAbsent(m.targetId(), k -> new ArrayList<>()).add(m);
				}
				if (m.target() == MemoTarget.CODING && m.targetId() != null) {
					memosByCoding.computeIfAbsent(m.targetId(), k -> new ArrayList<>()).add(m);
				}
			}
			Map<Long, Map<Global, Integer>> globals = sessionGlobals(projectId);
			if (!documents.isEmpty()) {
				w.writeStartElement(NS, "Sources");
				for (DocumentSummary d : documents) {
					Transcript t = corpus.transcript(d.id()).orElseThrow();
					String sourceGuid = sourceGuid(d.id());
					zip.putNextEntry(new ZipEntry("Sources/" + sourceGuid + ".txt"));
					zip.write(t.text().getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
					w.writeStartElement(NS, "TextSource");
					w.writeAttribute("guid", sourceGuid);
					w.writeAttribute("name", d.name());
					w.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
					for (Coding c : all) {
						if (!c.documentId().equals(d.id()) || !codeGuids.containsKey(c.codeId().value())) {
							continue;
						}
						w.writeStartElement(NS, "PlainTextSelection");
						w.writeAttribute("guid", guid("quire-selection:" + c.id().value()));
						w.writeAttribute("startPosition", Integer.toString(c.start()));
						w.writeAttribute("endPosition", Integer.toString(c.end()));
						w.writeAttribute("creatingUser", users.get(c.coder()));
						w.writeAttribute("creationDateTime", DateTimeFormatter.ISO_INSTANT.format(c.createdAt()));
						w.writeStartElement(NS, "Coding");
						w.writeAttribute("guid", guid("quire-coding:" + c.id().value()));
						w.writeAttribute("creatingUser", users.get(c.coder()));
						w.writeEmptyElement(NS, "CodeRef");
						w.writeAttribute("targetGUID", codeGuids.get(c.codeId().value()));
						for (Memo m : memosByCoding.getOrDefault(c.id().value(), List.of())) {
							w.writeEmptyElement(NS, "NoteRef");
							w.writeAttribute("targetGUID", noteGuid.get(m.id()));
						}
						w.writeEndElement();
						w.writeEndElement();
					}
					for (Memo m : memosByDocument.getOrDefault(d.id().value(), List.of())) {
						w.writeEmptyElement(NS, "NoteRef");
						w.writeAttribute("targetGUID", noteGuid.get(m.id()));
					}
					for (var g : globals.getOrDefault(d.id().value(), Map.of()).entrySet()) {
						w.writeStartElement(NS, "VariableValue");
						w.writeEmptyElement(NS, "VariableRef");
						w.writeAttribute("targetGUID", variableGuid(g.getKey()));
						w.writeStartElement(NS, "IntegerValue");
						w.writeCharacters(Integer.toString(g.getValue()));
						w.writeEndElement();
						w.writeEndElement();
					}
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			if (!notes.isEmpty()) {
				w.writeStartElement(NS, "Notes");
				for (Memo m : notes) {
					w.writeStartElement(NS, "Note");
					w.writeAttribute("guid", noteGuid.get(m.id()));
					w.writeAttribute("name", m.title().isEmpty() ? m.target().label() : m.title());
					w.writeAttribute("creatingUser", users.get(m.author()));
					w.writeAttribute("creationDateTime", DateTimeFormatter.ISO_INSTANT.format(m.createdAt()));
					w.writeStartElement(NS, "PlainTextContent");
					w.writeCharacters(m.body());
					w.writeEndElement();
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			writeSets(w, qdc, documents);
			for (Memo m : notes) {
				if (m.target() == MemoTarget.PROJECT) {
					w.writeEmptyElement(NS, "NoteRef");
					w.writeAttribute("targetGUID", noteGuid.get(m.id()));
				}
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
			zip.putNextEntry(new ZipEntry("project.qde"));
			zip.write(qde.toByteArray());
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("cannot write project.qde: " + ex.getMessage(), ex);
		}
		return out.toByteArray();
	}

	/** MITI global scores of each session transcript's primary rating, by document id. */
	private Map<Long, Map<Global, Integer>> sessionGlobals(ProjectId project) {
		Map<Long, Map<Global, Integer>> out = new HashMap<>();
		for (Rating r : fidelity.ratings(project)) {
			if (r.primary() && r.globals() != null && r.session().document() != null) {
				Map<Global, Integer> values = new LinkedHashMap<>();
				for (Global g : Global.values()) {
					values.put(g, r.globals().get(g));
				}
				out.putIfAbsent(r.session().document().value(), values);
			}
		}
		return out;
	}

	private void writeVariablesAndCases(XMLStreamWriter w, ProjectId project) throws XMLStreamException {
		List<Attribute> attributes = participants.attributes(project);
		boolean miti = !sessionGlobals(project).isEmpty();
		if (miti || !attributes.isEmpty()) {
			w.writeStartElement(NS, "Variables");
			for (Attribute a : attributes) {
				w.writeStartElement(NS, "Variable");
				w.writeAttribute("guid", attributeGuid(project, a));
				w.writeAttribute("name", a.name());
				w.writeAttribute("typeOfVariable", switch (a.kind()) {
					case NUMBER -> "Float";
					case DATE -> "Date";
					default -> "Text";
				});
				if (!a.categories().isEmpty()) {
					w.writeStartElement(NS, "Description");
					w.writeCharacters("Categories: " + String.join("; ", a.categories()));
					w.writeEndElement();
				}
				w.writeEndElement();
			}
		}
		if (miti) {
			for (Global g : Global.values()) {
				w.writeStartElement(NS, "Variable");
				w.writeAttribute("guid", variableGuid(g));
				w.writeAttribute("name", "MITI " + g.label());
				w.writeAttribute("typeOfVariable", "Integer");
				w.writeStartElement(NS, "Description");
				w.writeCharacters("MITI 4.2.1 global score (1-5) of the session's primary rating, on the session transcript");
				w.writeEndElement();
				w.writeEndElement();
			}
		}
		if (miti || !attributes.isEmpty()) {
			w.writeEndElement();
		}
		List<ParticipantRow> rows = participants.participants(project);
		if (!rows.isEmpty()) {
			w.writeStartElement(NS, "Cases");
			for (ParticipantRow row : rows) {
				w.writeStartElement(NS, "Case");
				w.writeAttribute("guid", guid("quire-case:" + project.value() + ":" + row.participant().label()));
				w.writeAttribute("name", row.participant().label());
				for (Attribute a : attributes) {
					String value = row.value(a);
					if (value.isEmpty()) {
						continue;
					}
					w.writeStartElement(NS, "VariableValue");
					w.writeEmptyElement(NS, "VariableRef");
					w.writeAttribute("targetGUID", attributeGuid(project, a));
					w.writeStartElement(NS, switch (a.kind()) {
						case NUMBER -> "FloatValue";
						case DATE -> "DateValue";
						default -> "TextValue";
					});
					w.writeCharacters(value);
					w.writeEndElement();
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
		}
	}

	private static String attributeGuid(ProjectId project, Attribute a) {
		return guid("quire-attribute:" + project.value() + ":" + a.name());
	}

	private void writeSets(XMLStreamWriter w, Document qdc, List<DocumentSummary> documents) throws XMLStreamException {
		List<Element> codeSets = new ArrayList<>();
		Element sets = first(qdc.getDocumentElement(), "Sets");
		if (sets != null) {
			for (Node n = sets.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element e && "Set".equals(e.getLocalName())) {
					codeSets.add(e);
				}
			}
		}
		Map<String, List<DocumentSummary>> groups = new LinkedHashMap<>();
		documents.stream().filter(d -> d.group() != null).forEach(d -> groups.computeIfAbsent(d.group(), k -> new ArrayList<>()).add(d));
		if (codeSets.isEmpty() && groups.isEmpty()) {
			return;
		}
		w.writeStartElement(NS, "Sets");
		for (Element set : codeSets) {
			w.writeStartElement(NS, "Set");
			copyAttributes(w, set);
			copy(w, set);
			w.writeEndElement();
		}
		for (var g : groups.entrySet()) {
			w.writeStartElement(NS, "Set");
			w.writeAttribute("guid", guid("quire-group:" + g.getKey()));
			w.writeAttribute("name", g.getKey());
			w.writeStartElement(NS, "Description");
			w.writeCharacters("Quire document group");
			w.writeEndElement();
			for (DocumentSummary d : g.getValue()) {
				w.writeEmptyElement(NS, "MemberSource");
				w.writeAttribute("targetGUID", sourceGuid(d.id()));
			}
			w.writeEndElement();
		}
		w.writeEndElement();
	}

	/** Writes codes in the project namespace in the schema's order: Description, NoteRef (memos), sub-codes. */
	private static void copyCodes(XMLStreamWriter w, Element parent, Map<String, List<String>> notes) throws XMLStreamException {
		for (Element code : all(parent, "Code")) {
			w.writeStartElement(NS, "Code");
			copyAttributes(w, code);
			Element description = first(code, "Description");
			if (description != null) {
				w.writeStartElement(NS, "Description");
				w.writeCharacters(description.getTextContent());
				w.writeEndElement();
			}
			for (String note : notes.getOrDefault(normalise(code.getAttribute("guid")), List.of())) {
				w.writeEmptyElement(NS, "NoteRef");
				w.writeAttribute("targetGUID", note);
			}
			copyCodes(w, code, notes);
			w.writeEndElement();
		}
	}

	/** Writes the children of a codebook element in the project namespace (element names and attributes kept). */
	private static void copy(XMLStreamWriter w, Element from) throws XMLStreamException {
		for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				w.writeStartElement(NS, e.getLocalName());
				copyAttributes(w, e);
				copy(w, e);
				w.writeEndElement();
			}
			else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
				w.writeCharacters(n.getTextContent());
			}
		}
	}

	private static void copyAttributes(XMLStreamWriter w, Element e) throws XMLStreamException {
		var attributes = e.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node a = attributes.item(i);
			if (a.getNamespaceURI() == null) {
				w.writeAttribute(a.getLocalName() == null ? a.getNodeName() : a.getLocalName(), a.getNodeValue());
			}
		}
	}

	// ---- import --------------------------------------------------------------------------------

	/**
	 * Imports an archive into a new project.
	 * @throws IllegalArgumentException naming the file and the reason (malformed or hostile archive,
	 * a project of that name exists); nothing is created then
	 */
	@Transactional
	public QdpxReport importProject(String newProjectName, String fileName, byte[] content) {
		String name = newProjectName.strip();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("the new project needs a name");
		}
		if (projects.findByName(name).isPresent()) {
			throw new IllegalArgumentException("a project named '" + name + "' exists already; choose another name");
		}
		SafeZip zip = SafeZip.read(fileName, content, MAX_ENTRIES, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
		byte[] qde = zip.entry("project.qde")
			.orElseThrow(() -> new IllegalArgumentException(fileName + ": no project.qde in the archive; is it a .qdpx file?"));
		Document doc = SafeXml.parse(fileName + " (project.qde)", qde);
		Element root = doc.getDocumentElement();
		if (!"Project".equals(root.getLocalName()) || !NS.equals(root.getNamespaceURI())) {
			throw new IllegalArgumentException(fileName + ": project.qde has root <" + root.getLocalName() + "> in namespace '"
					+ root.getNamespaceURI() + "'; expected <Project> in '" + NS + "'");
		}
		List<String> skipped = new ArrayList<>();
		List<String> warnings = new ArrayList<>();
		Project project = projects.create(name, "Imported from " + fileName
				+ (root.hasAttribute("origin") ? " (" + root.getAttribute("origin") + ")" : ""));
		ProjectId id = project.id();

		Map<String, String> users = new HashMap<>();
		for (Element u : all(first(root, "Users"), "User")) {
			String userName = u.hasAttribute("name") && !u.getAttribute("name").isBlank() ? u.getAttribute("name").strip()
					: u.hasAttribute("id") ? u.getAttribute("id") : "user " + (users.size() + 1);
			users.put(normalise(u.getAttribute("guid")), userName);
		}

		int codeCount = importCodebook(fileName, root, id, warnings);
		Map<String, CodeId> codeByGuid = new HashMap<>();
		codebook.codes(id).forEach(c -> codeByGuid.put(normalise(c.guid()), c.id()));

		Map<String, String> groupOfSource = new HashMap<>();
		for (Element set : all(first(root, "Sets"), "Set")) {
			for (Element member : all(set, "MemberSource")) {
				groupOfSource.putIfAbsent(normalise(member.getAttribute("targetGUID")), set.getAttribute("name"));
			}
		}

		Map<String, DocumentId> documentOfSource = new HashMap<>();
		Map<String, CodeId> noteTargetsCode = new HashMap<>();
		Map<String, DocumentId> noteTargetsDocument = new HashMap<>();
		Map<String, Long> noteTargetsCoding = new HashMap<>();
		Set<String> projectNotes = new HashSet<>();
		all(root, "NoteRef").forEach(r -> projectNotes.add(normalise(r.getAttribute("targetGUID"))));
		for (Element code : descendants(first(root, "CodeBook"), "Code")) {
			CodeId codeId = codeByGuid.get(normalise(code.getAttribute("guid")));
			for (Element ref : all(code, "NoteRef")) {
				if (codeId != null) {
					noteTargetsCode.put(normalise(ref.getAttribute("targetGUID")), codeId);
				}
			}
		}
		int sources = 0;
		int codingCount = 0;
		Set<String> seenTexts = new HashSet<>();
		Element sourcesElement = first(root, "Sources");
		if (sourcesElement != null) {
			for (Node n = sourcesElement.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (!(n instanceof Element source)) {
					continue;
				}
				String sourceName = source.hasAttribute("name") ? source.getAttribute("name") : "source " + (sources + 1);
				if (!"TextSource".equals(source.getLocalName())) {
					skipped.add(source.getLocalName() + " '" + sourceName + "': Quire imports text sources only");
					continue;
				}
				Optional<String> text = sourceText(fileName, zip, source, warnings);
				if (text.isEmpty() || text.get().isBlank()) {
					skipped.add("TextSource '" + sourceName + "': no text found in the archive (" + describePath(source) + ")");
					continue;
				}
				String original = text.get();
				String withoutBom = original.startsWith("\uFEFF") ? original.substring(1) : original;
				if (!seenTexts.add(sha256(withoutBom))) {
					skipped.add("TextSource '" + sourceName + "': the same text as an earlier source");
					continue;
				}
				String group = groupOfSource.get(normalise(source.getAttribute("guid")));
				ImportRequest request = new ImportRequest(safeFileName(sourceName) + ".txt",
						withoutBom.getBytes(StandardCharsets.UTF_8), group, null);
				Optional<String> refused = corpus.unreadable(request);
				if (refused.isPresent()) {
					skipped.add("TextSource '" + sourceName + "': " + refused.get());
					continue;
				}
				DocumentSummary d = corpus.importDocument(id, request).document();
				sources++;
				documentOfSource.put(normalise(source.getAttribute("guid")), d.id());
				for (Element ref : all(source, "NoteRef")) {
					noteTargetsDocument.put(normalise(ref.getAttribute("targetGUID")), d.id());
				}
				Transcript stored = corpus.transcript(d.id()).orElseThrow();
				OffsetMap offsets = OffsetMap.align(original, stored.text());
				List<PendingNote> pending = new ArrayList<>();
				codingCount += importCodings(id, source, sourceName, original, stored, offsets, codeByGuid, users, skipped, pending);
				for (PendingNote note : pending) {
					codings.codings(d.id(), note.coder()).stream()
						.filter(c -> c.codeId().equals(note.code()) && c.start() >= note.from() && c.end() <= note.to())
						.findFirst()
						.ifPresent(c -> noteTargetsCoding.put(note.noteGuid(), c.id().value()));
				}
			}
		}

		int noteCount = 0;
		for (Element note : all(first(root, "Notes"), "Note")) {
			String guid = normalise(note.getAttribute("guid"));
			Optional<String> body = noteText(zip, note);
			if (body.isEmpty() || body.get().isBlank()) {
				skipped.add("Note '" + note.getAttribute("name") + "': empty");
				continue;
			}
			String author = users.getOrDefault(normalise(note.getAttribute("creatingUser")), "imported");
			String title = note.getAttribute("name");
			if (noteTargetsCoding.containsKey(guid)) {
				memos.write(id, MemoTarget.CODING, noteTargetsCoding.get(guid), author, title, body.get());
			}
			else if (noteTargetsCode.containsKey(guid)) {
				memos.write(id, MemoTarget.CODE, noteTargetsCode.get(guid).value(), author, title, body.get());
			}
			else if (noteTargetsDocument.containsKey(guid)) {
				memos.write(id, MemoTarget.DOCUMENT, noteTargetsDocument.get(guid).value(), author, title, body.get());
			}
			else {
				memos.write(id, MemoTarget.PROJECT, null, author, title, body.get());
			}
			noteCount++;
		}
		int cases = importCases(id, root, skipped);
		proposeCasesForSpeakers(id);
		return new QdpxReport(id, name, users.size(), codeCount, sources, codingCount, cases, noteCount, skipped, warnings);
	}

	/**
	 * A case named exactly like a speaker label ("MI Caseworker 1") says that speaker is that case:
	 * each document's speaker of that label is proposed as the case, for the researcher to review, as
	 * a role label is otherwise a different person in each document.
	 */
	private void proposeCasesForSpeakers(ProjectId project) {
		Map<String, Long> byLabel = new HashMap<>();
		participants.participants(project).forEach(r -> byLabel.put(r.participant().label(), r.participant().id()));
		for (SpeakerLink l : speakers.links(project)) {
			Long person = byLabel.get(l.speaker());
			if (person != null && person != l.participantId()) {
				speakers.propose(l.document(), l.speaker(), person);
			}
		}
	}

	/** Cases become participants; their variable values become typed participant attributes. */
	private int importCases(ProjectId project, Element root, List<String> skipped) {
		Map<String, Element> variables = new HashMap<>();
		for (Element v : all(first(root, "Variables"), "Variable")) {
			variables.put(normalise(v.getAttribute("guid")), v);
		}
		Map<String, Attribute> defined = new HashMap<>();
		int cases = 0;
		int badValues = 0;
		for (Element c : all(first(root, "Cases"), "Case")) {
			String label = c.hasAttribute("name") && !c.getAttribute("name").isBlank() ? c.getAttribute("name").strip()
					: "case " + (cases + 1);
			if (label.length() > 200) {
				skipped.add("case '" + label.substring(0, 40) + "…': name longer than 200 characters");
				continue;
			}
			Participant participant = participants.addParticipant(project, label);
			cases++;
			for (Element vv : all(c, "VariableValue")) {
				Element ref = first(vv, "VariableRef");
				Element variable = ref == null ? null : variables.get(normalise(ref.getAttribute("targetGUID")));
				if (variable == null) {
					badValues++;
					continue;
				}
				String type = variable.getAttribute("typeOfVariable");
				AttributeKind kind = switch (type) {
					case "Integer", "Float" -> AttributeKind.NUMBER;
					case "Date", "DateTime" -> AttributeKind.DATE;
					case "Boolean" -> AttributeKind.CATEGORY;
					default -> AttributeKind.TEXT;
				};
				String name = variable.getAttribute("name").strip();
				if (name.isEmpty() || name.length() > 100) {
					badValues++;
					continue;
				}
				Element description = first(variable, "Description");
				String categories = description == null ? "" : description.getTextContent().strip();
				AttributeKind effective = kind == AttributeKind.TEXT && categories.startsWith("Categories: ")
						? AttributeKind.CATEGORY : kind;
				List<String> values = effective != AttributeKind.CATEGORY ? List.of()
						: kind == AttributeKind.CATEGORY ? List.of("true", "false")
								: List.of(categories.substring("Categories: ".length()).split("\\s*;\\s*"));
				Attribute attribute = defined.computeIfAbsent(name, n -> participants.defineAttribute(project, n, effective, values));
				String value = null;
				for (Node n = vv.getFirstChild(); n != null; n = n.getNextSibling()) {
					if (n instanceof Element e && e.getLocalName().endsWith("Value")) {
						value = e.getTextContent().strip();
					}
				}
				if (value == null || value.isEmpty()) {
					continue;
				}
				if (kind == AttributeKind.DATE && value.length() > 10) {
					value = value.substring(0, 10);
				}
				try {
					String checked = ParticipantService.check(attribute, value);
					participants.setValue(List.of(participant.id()), attribute, checked);
				}
				catch (IllegalArgumentException ex) {
					badValues++;
				}
			}
		}
		if (badValues > 0) {
			skipped.add(badValues + " case variable value(s) that do not fit their variable");
		}
		return cases;
	}

	private int importCodebook(String fileName, Element root, ProjectId project, List<String> warnings) {
		Element book = first(root, "CodeBook");
		Element codes = book == null ? null : first(book, "Codes");
		if (codes == null || first(codes, "Code") == null) {
			return 0;
		}
		try {
			ByteArrayOutputStream qdc = new ByteArrayOutputStream();
			XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(qdc, "UTF-8");
			w.writeStartDocument("UTF-8", "1.0");
			w.setDefaultNamespace(CODEBOOK_NS);
			w.writeStartElement(CODEBOOK_NS, "CodeBook");
			w.writeDefaultNamespace(CODEBOOK_NS);
			w.writeAttribute("origin", root.hasAttribute("origin") ? root.getAttribute("origin") : fileName);
			w.writeStartElement(CODEBOOK_NS, "Codes");
			copyInto(w, codes, CODEBOOK_NS, Set.of("Code", "Description"), warnings);
			w.writeEndElement();
			List<Element> codeSets = all(first(root, "Sets"), "Set").stream().filter(s -> !all(s, "MemberCode").isEmpty()).toList();
			if (!codeSets.isEmpty()) {
				w.writeStartElement(CODEBOOK_NS, "Sets");
				for (Element set : codeSets) {
					w.writeStartElement(CODEBOOK_NS, "Set");
					w.writeAttribute("guid", set.getAttribute("guid"));
					w.writeAttribute("name", set.getAttribute("name"));
					for (Element m : all(set, "MemberCode")) {
						w.writeEmptyElement(CODEBOOK_NS, "MemberCode");
						w.writeAttribute("targetGUID", m.getAttribute("targetGUID"));
					}
					w.writeEndElement();
				}
				w.writeEndElement();
			}
			w.writeEndElement();
			w.writeEndDocument();
			w.close();
			return codebook.importQdc(project, fileName + " (codebook)", new ByteArrayInputStream(qdc.toByteArray())).added();
		}
		catch (XMLStreamException ex) {
			throw new IllegalArgumentException(fileName + ": the codebook cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	/**
	 * Copies elements named in {@code keep} (with attributes and text) into another namespace. Sibling
	 * codes with the same name (other tools allow it, Quire does not) get a numbered suffix.
	 */
	private static void copyInto(XMLStreamWriter w, Element from, String ns, Set<String> keep, List<String> warnings)
			throws XMLStreamException {
		Set<String> siblingNames = new HashSet<>();
		for (Node n = from.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && keep.contains(e.getLocalName())) {
				w.writeStartElement(ns, e.getLocalName());
				if ("Code".equals(e.getLocalName())) {
					String name = e.getAttribute("name").strip();
					String unique = name;
					for (int k = 2; !siblingNames.add(unique.toLowerCase(Locale.ROOT)); k++) {
						unique = name + " (" + k + ")";
					}
					if (!unique.equals(name)) {
						warnings.add("two codes named '" + name + "' under the same parent: the second is now '" + unique + "'");
					}
					var attributes = e.getAttributes();
					for (int i = 0; i < attributes.getLength(); i++) {
						Node a = attributes.item(i);
						if (a.getNamespaceURI() == null) {
							String attr = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
							w.writeAttribute(attr, "name".equals(attr) ? unique : a.getNodeValue());
						}
					}
				}
				else {
					copyAttributes(w, e);
				}
				if ("Description".equals(e.getLocalName())) {
					w.writeCharacters(e.getTextContent());
				}
				else {
					copyInto(w, e, ns, keep, warnings);
				}
				w.writeEndElement();
			}
		}
	}

	/** A note on a coding, attached once the coding exists. */
	private record PendingNote(String noteGuid, CodeId code, String coder, int from, int to) {
	}

	private int importCodings(ProjectId project, Element source, String sourceName, String original, Transcript stored,
			OffsetMap offsets, Map<String, CodeId> codeByGuid, Map<String, String> users, List<String> skipped,
			List<PendingNote> pending) {
		Map<CodeId, Map<String, List<TextSpan>>> spans = new LinkedHashMap<>();
		Map<String, Integer> problems = new LinkedHashMap<>();
		int count = 0;
		for (Element selection : all(source, "PlainTextSelection")) {
			int start;
			int end;
			try {
				start = Integer.parseInt(selection.getAttribute("startPosition").strip());
				end = Integer.parseInt(selection.getAttribute("endPosition").strip());
			}
			catch (NumberFormatException ex) {
				problems.merge("selection(s) whose positions are not numbers", 1, Integer::sum);
				continue;
			}
			String originalText = original.startsWith("\uFEFF") ? original.substring(1) : original;
			int shift = original.startsWith("\uFEFF") ? 1 : 0;
			if (start < 0 || end <= start || end > originalText.length()) {
				problems.merge("selection(s) outside the text (0.." + originalText.length() + "), e.g. [" + start + ", " + end
						+ ")", 1, Integer::sum);
				continue;
			}
			int from = offsets.map(start + shift);
			int to = offsets.map(end + shift);
			String covered = from < to ? stored.text().substring(from, to) : "";
			if (covered.isBlank()) {
				problems.merge("selection(s) that cover no words", 1, Integer::sum);
				continue;
			}
			for (Element coding : all(selection, "Coding")) {
				Element ref = first(coding, "CodeRef");
				CodeId code = ref == null ? null : codeByGuid.get(normalise(ref.getAttribute("targetGUID")));
				if (code == null) {
					problems.merge("coding(s) referring to a code the codebook does not have", 1, Integer::sum);
					continue;
				}
				String userGuid = coding.hasAttribute("creatingUser") ? coding.getAttribute("creatingUser")
						: selection.getAttribute("creatingUser");
				String coder = users.getOrDefault(normalise(userGuid), "imported");
				spans.computeIfAbsent(code, k -> new LinkedHashMap<>()).computeIfAbsent(coder, k -> new ArrayList<>())
					.add(new TextSpan(stored.document().id(), from, to));
				for (Element noteRef : all(coding, "NoteRef")) {
					pending.add(new PendingNote(normalise(noteRef.getAttribute("targetGUID")), code, coder, from, to));
				}
			}
		}
		problems.forEach((reason, n) -> skipped.add(n + " " + reason + " in '" + sourceName + "'"));
		for (var byCode : spans.entrySet()) {
			for (var byCoder : byCode.getValue().entrySet()) {
				count += codings.codeAll(project, byCode.getKey(), byCoder.getKey(), byCoder.getValue());
			}
		}
		return count;
	}

	private Optional<String> sourceText(String fileName, SafeZip zip, Element source, List<String> warnings) {
		Element inline = first(source, "PlainTextContent");
		if (inline != null) {
			return Optional.of(inline.getTextContent());
		}
		if (source.hasAttribute("plainTextPath")) {
			Optional<byte[]> bytes = resolve(zip, source.getAttribute("plainTextPath"));
			if (bytes.isPresent()) {
				return Optional.of(decode(fileName, source.getAttribute("plainTextPath"), bytes.get()));
			}
		}
		if (source.hasAttribute("richTextPath")) {
			Optional<byte[]> docx = resolve(zip, source.getAttribute("richTextPath"));
			if (docx.isPresent()) {
				warnings.add("'" + source.getAttribute("name") + "': text taken from its Word file (no plain text in the archive)");
				return Optional.of(docxText(fileName, source.getAttribute("richTextPath"), docx.get()));
			}
		}
		return Optional.empty();
	}

	private Optional<String> noteText(SafeZip zip, Element note) {
		Element inline = first(note, "PlainTextContent");
		if (inline != null) {
			return Optional.of(inline.getTextContent().strip());
		}
		if (note.hasAttribute("plainTextPath")) {
			return resolve(zip, note.getAttribute("plainTextPath")).map(b -> new String(b, StandardCharsets.UTF_8).strip());
		}
		Element description = first(note, "Description");
		return description == null ? Optional.empty() : Optional.of(description.getTextContent().strip());
	}

	/** {@code internal://x.txt}, {@code Sources/x.txt}, {@code sources/x.txt} or a relative path. */
	private static Optional<byte[]> resolve(SafeZip zip, String path) {
		String p = path.strip();
		if (p.startsWith("internal://")) {
			p = p.substring("internal://".length());
		}
		else if (p.startsWith("relative://")) {
			p = p.substring("relative://".length());
		}
		p = p.replace('\\', '/');
		while (p.startsWith("/")) {
			p = p.substring(1);
		}
		final String name = p;
		return zip.entry("Sources/" + name).or(() -> zip.entry(name));
	}

	private static String decode(String fileName, String path, byte[] bytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder();
		try {
			return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			throw new IllegalArgumentException(fileName + ": the text '" + path + "' is not UTF-8 as REFI-QDA requires");
		}
	}

	private static String docxText(String fileName, String path, byte[] bytes) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
			StringBuilder s = new StringBuilder();
			for (XWPFParagraph p : doc.getParagraphs()) {
				s.append(p.getText()).append('\n');
			}
			return s.toString();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException(fileName + ": the Word file '" + path + "' cannot be read (" + ex.getMessage() + ")", ex);
		}
	}

	private static String describePath(Element source) {
		return source.hasAttribute("plainTextPath") ? "plainTextPath " + source.getAttribute("plainTextPath")
				: source.hasAttribute("richTextPath") ? "richTextPath " + source.getAttribute("richTextPath") : "no path";
	}

	private static @Nullable Element first(@Nullable Element parent, String localName) {
		if (parent == null) {
			return null;
		}
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && localName.equals(e.getLocalName())) {
				return e;
			}
		}
		return null;
	}

	private static List<Element> all(@Nullable Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		if (parent != null) {
			for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
				if (n instanceof Element e && localName.equals(e.getLocalName())) {
					out.add(e);
				}
			}
		}
		return out;
	}

	private static List<Element> descendants(@Nullable Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		if (parent != null) {
			var list = parent.getElementsByTagNameNS("*", localName);
			for (int i = 0; i < list.getLength(); i++) {
				out.add((Element) list.item(i));
			}
		}
		return out;
	}

	/** GUIDs compared without braces and case. */
	static String normalise(String guid) {
		String g = guid.strip();
		if (g.startsWith("{") && g.endsWith("}")) {
			g = g.substring(1, g.length() - 1);
		}
		return g.toLowerCase(Locale.ROOT);
	}

	private static String safeFileName(String name) {
		String n = name.replaceAll("[\\\\/:*?\"<>|]+", " ").strip();
		n = n.replaceAll("(?i)\\.(txt|docx|pdf|rtf)$", "");
		return n.isEmpty() ? "source" : n;
	}

	private static String sourceGuid(DocumentId id) {
		return guid("quire-source:" + id.value());
	}

	private static String userGuid(String name) {
		return guid("quire-user:" + name);
	}

	private static String variableGuid(Global g) {
		return guid("quire-miti-variable:" + g.name());
	}

	private static String guid(String seed) {
		return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String sha256(String text) {
		try {
			return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
