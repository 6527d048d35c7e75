package quire.exchange.internal;

import static quire.exchange.internal.Qde.NS;
import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.first;
import static quire.exchange.internal.Qde.guid;
import static quire.exchange.internal.Qde.normalise;
import static quire.exchange.internal.Qde.sourceGuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.coding.CodebookService;
import quire.coding.Coding;
import quire.coding.CodingService;
import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.fidelity.FidelityService;
import quire.fidelity.Global;
import quire.fidelity.Rating;
import quire.project.Project;
import quire.project.ProjectId;
import quire.project.ProjectService;

/**
 * Writes a project as a {@code .qdpx} archive: {@code project.qde} (users, codebook with Quire's code
 * sets, participants as cases, sources with their codings, memos as notes, document groups as source
 * sets, MITI global scores as source variables) and the source files under {@code Sources/}
 * ({@link SourceWriter} writes each source). The caller checks access.
 */
@Component
public class QdeWriter {

	private final ProjectService projects;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final MemoService memos;

	private final FidelityService fidelity;

	private final CaseMapper cases;

	private final SourceWriter sources;

	QdeWriter(ProjectService projects, CorpusService corpus, CodebookService codebook, CodingService codings,
			MemoService memos, FidelityService fidelity, CaseMapper cases, SourceWriter sources) {
		this.projects = projects;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
		this.memos = memos;
		this.fidelity = fidelity;
		this.cases = cases;
		this.sources = sources;
	}

	/** What the sources refer to: users, codes and notes by their GUIDs, and memos and MITI scores by target. */
	record Refs(Map<String, String> users, Map<Long, String> codeGuids, Map<Long, String> noteGuid,
			Map<Long, List<Memo>> memosByDocument, Map<Long, List<Memo>> memosByCoding,
			Map<Long, Map<Global, Integer>> globals) {
	}

	/** The project as a {@code .qdpx} archive. */
	public byte[] write(ProjectId projectId) {
		Project project = projects.find(projectId)
			.orElseThrow(() -> new IllegalArgumentException("no project with id " + projectId.value()));
		List<DocumentSummary> documents = corpus.documents(projectId);
		List<Coding> all = codings.codings(projectId, null);
		List<Memo> notes = memos.all(projectId);
		Map<String, String> users = new LinkedHashMap<>();
		all.forEach(c -> users.computeIfAbsent(c.coder(), Qde::userGuid));
		notes.forEach(m -> users.computeIfAbsent(m.author(), Qde::userGuid));
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
			Map<Long, Map<Global, Integer>> globals = sessionGlobals(projectId);
			cases.write(w, projectId, !globals.isEmpty());
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
			Refs refs = new Refs(users, codeGuids, noteGuid, memosByDocument, memosByCoding, globals);
			if (!documents.isEmpty()) {
				w.writeStartElement(NS, "Sources");
				for (DocumentSummary d : documents) {
					List<Coding> own = all.stream()
						.filter(c -> c.documentId().equals(d.id()) && codeGuids.containsKey(c.codeId().value()))
						.toList();
					sources.write(w, zip, d, own, refs);
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

	private static void writeSets(XMLStreamWriter w, Document qdc, List<DocumentSummary> documents) throws XMLStreamException {
		List<Element> codeSets = all(first(qdc.getDocumentElement(), "Sets"), "Set");
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

	static void copyAttributes(XMLStreamWriter w, Element e) throws XMLStreamException {
		var attributes = e.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Node a = attributes.item(i);
			if (a.getNamespaceURI() == null) {
				w.writeAttribute(a.getLocalName() == null ? a.getNodeName() : a.getLocalName(), a.getNodeValue());
			}
		}
	}

}
