package quire.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import quire.coding.Code;
import quire.coding.CodeDraft;
import quire.coding.CodeId;
import quire.coding.Coding;
import quire.coding.CodingId;
import quire.coding.Memo;
import quire.coding.MemoTarget;
import quire.corpus.DocumentId;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.corpus.Transcript;
import quire.project.ProjectId;

/**
 * Exporting a project made through Quire's services: the archive is valid REFI-QDA, its selections
 * point at the coded words in its own source texts, and importing it again gives the same project.
 */
class QdpxExportTests extends QdpxTestSupport {

	static final String FOCUS_GROUP = """
			Focus group 3 – return to work

			[00:00:05] Moderator: Welcome, everyone. How did the MI training go?
			[00:00:12] MI Caseworker 1: It was demanding. Summarizing was the hardest part.
			[00:00:30] MI Caseworker 2: For me the workload was the problem, not the method.
			[00:00:41] Moderator: Say more about the workload.
			[00:00:50] MI Caseworker 1: We have too many cases and no time to practise.
			""";

	/** Imported from bytes with a byte-order mark and CR LF, which Quire normalises away. */
	static final String INTERVIEW = """
			Moderator: Hei Søren – how is the return going?
			Søren: Slowly. My manager lets me start at 50 % & that helps.
			Moderator: That sounds flexible.
			Søren: It is, and it keeps me motivated.
			""";

	static final String ANN = "Ann";

	static final String BEN = "Ben";

	static final String TIME = "Implementation › Time and caseload pressure";

	static final String DIFFICULT = "Adoption › MI difficult to master";

	static final String SUPPORT = "Implementation › Management support";

	static final String ODD = "Pay & \"benefits\" <2024>";

	/** A project with two documents, the RE-AIM codebook plus two codes of its own, codings by two coders and memos on every kind of target. */
	record Made(ProjectId project, DocumentId focusGroup, DocumentId interview, Coding annOnTime) {
	}

	Made makeProject() {
		ProjectId p = projects.create("Export " + UUID.randomUUID(), "RTW caseworkers and MI").id();
		DocumentId fg = corpus.importDocument(p, new ImportRequest("focus-group-3.txt",
				FOCUS_GROUP.getBytes(StandardCharsets.UTF_8), "Focus groups", Language.ENGLISH)).document().id();
		DocumentId iv = importText(p, "interview-soren.txt",
				QdpxFixtures.concat(QdpxFixtures.UTF8_BOM, QdpxFixtures.crlf(INTERVIEW).getBytes(StandardCharsets.UTF_8)));
		codebook.startFromReAim(p);
		Code workload = codebook.create(p, null, CodeDraft.named("Workload", "#123ABC"));
		Code odd = codebook.create(p, workload.id(), CodeDraft.named(ODD, "#ABCDEF"));

		Coding annOnTime = code(fg, codeAt(p, TIME).id(), "too many cases and no time to practise", ANN);
		code(fg, codeAt(p, TIME).id(), "the workload was the problem", BEN);
		code(fg, codeAt(p, DIFFICULT).id(), "Summarizing was the hardest part.", ANN);
		code(fg, codeAt(p, DIFFICULT).id(), "Summarizing was the hardest part.", BEN);
		code(fg, workload.id(), "workload", ANN);
		code(iv, codeAt(p, SUPPORT).id(), "My manager lets me start at 50 % & that helps.", ANN);
		code(iv, odd.id(), "50 %", BEN);
		code(iv, codeAt(p, "Maintenance").id(), "Søren: It is, and it keeps me motivated.", BEN);

		memos.write(p, MemoTarget.CODE, codeAt(p, TIME).id().value(), ANN, "Caseload",
				"Caseload comes up in every group.");
		memos.write(p, MemoTarget.PROJECT, null, BEN, "", "Coded the focus group together with Ann.");
		memos.write(p, MemoTarget.DOCUMENT, iv.value(), ANN, "", "Søren was on 50 % sick leave at the time.");
		memos.write(p, MemoTarget.CODING, annOnTime.id().value(), ANN, "", "Typical <caseload> & time complaint.");
		return new Made(p, fg, iv, annOnTime);
	}

	@Test
	void projectQdeValidatesAgainstTheRefiQdaSchema() throws Exception {
		Made made = makeProject();
		Map<String, byte[]> entries = unzip(qdpx.export(made.project()));

		assertThat(entries).containsKey("project.qde");
		assertThat(entries.keySet()).allSatisfy(name -> assertThat(name).matches("project\\.qde|Sources/[^/]+\\.txt"));
		URL xsd = getClass().getClassLoader().getResource("qdpx/Project.xsd");
		var validator = SchemaFactory.newDefaultInstance().newSchema(xsd).newValidator();
		validator.validate(new StreamSource(new ByteArrayInputStream(entries.get("project.qde"))));
	}

	@Test
	void anEmptyProjectExportsValidRefiQda() throws Exception {
		ProjectId p = projects.create("Empty export " + UUID.randomUUID(), "").id();
		Map<String, byte[]> entries = unzip(qdpx.export(p));

		URL xsd = getClass().getClassLoader().getResource("qdpx/Project.xsd");
		SchemaFactory.newDefaultInstance()
			.newSchema(xsd)
			.newValidator()
			.validate(new StreamSource(new ByteArrayInputStream(entries.get("project.qde"))));
		QdpxReport back = qdpx.importProject("Empty again " + UUID.randomUUID(), "empty.qdpx", qdpx.export(p));
		assertThat(back.codes() + back.sources() + back.codings() + back.notes()).isZero();
	}

	@Test
	void everySelectionInTheExportCoversTheCodedTextOfItsOwnSourceFile() throws Exception {
		Made made = makeProject();
		Map<String, byte[]> entries = unzip(qdpx.export(made.project()));
		Document qde = parse(entries.get("project.qde"));
		Element root = qde.getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(QdpxFixtures.NS);

		Map<String, String> users = new HashMap<>();
		for (Element u : descendants(root, "User")) {
			users.put(guid(u.getAttribute("guid")), u.getAttribute("name"));
		}
		assertThat(users.values()).contains(ANN, BEN);
		Map<String, String> codePaths = new HashMap<>();
		for (Element codes : descendants(root, "Codes")) {
			for (Element c : children(codes, "Code")) {
				collectPaths(c, "", codePaths);
			}
		}
		List<String> exported = new ArrayList<>();
		Map<String, String> exportedTexts = new LinkedHashMap<>();
		for (Element source : descendants(root, "TextSource")) {
			String name = source.getAttribute("name");
			String path = source.getAttribute("plainTextPath");
			assertThat(path).as("plainTextPath of %s", name).isNotEmpty();
			byte[] file = entries.get(entryName(path));
			assertThat(file).as("the file %s of %s", path, name).isNotNull();
			String text = new String(file, StandardCharsets.UTF_8);
			text = text.startsWith("\uFEFF") ? text.substring(1) : text;
			exportedTexts.put(name, text);
			for (Element sel : children(source, "PlainTextSelection")) {
				int start = Integer.parseInt(sel.getAttribute("startPosition"));
				int end = Integer.parseInt(sel.getAttribute("endPosition"));
				assertThat(start).as("selection %s", sel.getAttribute("guid")).isBetween(0, end);
				assertThat(end).as("selection %s", sel.getAttribute("guid")).isLessThanOrEqualTo(text.length());
				for (Element coding : children(sel, "Coding")) {
					String user = coding.hasAttribute("creatingUser") ? coding.getAttribute("creatingUser")
							: sel.getAttribute("creatingUser");
					String code = children(coding, "CodeRef").get(0).getAttribute("targetGUID");
					exported.add(name + " | " + codePaths.get(guid(code)) + " | " + users.get(guid(user)) + " | "
							+ text.substring(start, end));
				}
			}
		}

		assertThat(exportedTexts).containsExactlyInAnyOrderEntriesOf(texts(made.project()));
		assertThat(exported).containsExactlyInAnyOrderElementsOf(codedText(made.project()));
		assertThat(exported).contains("focus-group-3 | " + TIME + " | Ann | too many cases and no time to practise",
				"interview-soren | Workload › " + ODD + " | Ben | 50 %");
	}

	@Test
	void anExportImportsBackAsTheSameProject() {
		Made made = makeProject();
		ProjectId original = made.project();

		QdpxReport report = qdpx.importProject("Round trip " + UUID.randomUUID(), "export.qdpx", qdpx.export(original));
		ProjectId copy = report.projectId();

		// Quire exports its participants as cases but keeps them as speakers, so the import reports them
		assertThat(report.skipped()).allSatisfy(s -> assertThat(s).containsIgnoringCase("case"));
		assertThat(report.codes()).isEqualTo(23 + 2);
		assertThat(report.sources()).isEqualTo(2);
		assertThat(report.codings()).isEqualTo(8);
		assertThat(report.notes()).isEqualTo(4);
		assertThat(codePaths(copy)).isEqualTo(codePaths(original));
		// definitions, notes, RE-AIM dimensions, barrier/facilitator and origin travel too
		assertThat(codebook.codes(copy)).extracting(c -> c.path() + " " + c.draft())
			.isEqualTo(codebook.codes(original).stream().map(c -> c.path() + " " + c.draft()).toList());
		assertThat(corpus.documents(copy)).extracting(d -> d.name() + " in " + d.group())
			.containsExactly("focus-group-3 in Focus groups", "interview-soren in null");
		assertThat(texts(copy)).isEqualTo(texts(original));
		assertThat(codedText(copy)).containsExactlyInAnyOrderElementsOf(codedText(original));
		assertThat(codings.coders(copy)).containsExactlyInAnyOrder(ANN, BEN);
		// every memo comes back with its author and text (what it is on: see the next test)
		assertThat(memos.all(copy)).extracting(m -> m.author() + " | " + m.body())
			.containsExactlyInAnyOrderElementsOf(memos.all(original).stream().map(m -> m.author() + " | " + m.body()).toList());
		assertThat(memos(copy)).contains("PROJECT |  | Ben | Coded the focus group together with Ann.",
				"DOCUMENT | interview-soren | Ann | Søren was on 50 % sick leave at the time.");
	}

	/**
	 * Speakers are per document: a speaker linked to a participant of its label ("MI Caseworker 1",
	 * with an attribute) goes out as a case of that name and comes back proposed as that case, with its
	 * attribute; a speaker that was its own participant comes back as its own.
	 */
	@Test
	void aCaseNamedLikeASpeakerComesBackProposedAsThatSpeaker() {
		Made made = makeProject();
		var caseworker = participants.addParticipant(made.project(), "MI Caseworker 1");
		speakers.link(made.focusGroup(), "MI Caseworker 1", caseworker.id());
		var role = participants.defineAttribute(made.project(), "Role", quire.corpus.AttributeKind.TEXT, List.of());
		participants.setValue(List.of(caseworker.id()), role, "caseworker");

		ProjectId copy = qdpx.importProject("Cases " + UUID.randomUUID(), "export.qdpx", qdpx.export(made.project()))
			.projectId();

		DocumentId fg = corpus.findDocument(copy, "focus-group-3").orElseThrow().id();
		var link = speakers.link(fg, "MI Caseworker 1").orElseThrow();
		assertThat(link.participantLabel()).isEqualTo("MI Caseworker 1");
		assertThat(link.origin()).isEqualTo(quire.corpus.LinkOrigin.PROPOSED);
		assertThat(participants.participants(copy)).filteredOn(r -> r.participant().label().equals("MI Caseworker 1"))
			.singleElement().satisfies(r -> assertThat(r.value(participants.attribute(copy, "Role").orElseThrow()))
				.isEqualTo("caseworker"));
		assertThat(speakers.link(fg, "MI Caseworker 2").orElseThrow().participantLabel())
			.isEqualTo("MI Caseworker 2 — focus-group-3");
	}

	@org.springframework.beans.factory.annotation.Autowired
	quire.corpus.SpeakerLinkService speakers;

	@org.springframework.beans.factory.annotation.Autowired
	quire.corpus.ParticipantService participants;

	@Test
	void memosKeepWhatTheyAreOnThroughARoundTrip() {
		Made made = makeProject();
		ProjectId original = made.project();

		QdpxReport report = qdpx.importProject("Round trip memos " + UUID.randomUUID(), "export.qdpx",
				qdpx.export(original));

		assertThat(memos(report.projectId())).containsExactlyInAnyOrderElementsOf(memos(original));
	}

	// ---- helpers --------------------------------------------------------------------------------

	DocumentId importText(ProjectId p, String fileName, byte[] content) {
		return corpus.importDocument(p, new ImportRequest(fileName, content, null, Language.ENGLISH)).document().id();
	}

	Coding code(DocumentId doc, CodeId code, String phrase, String coder) {
		String text = corpus.transcript(doc).orElseThrow().text();
		int[] r = QdpxFixtures.range(text, phrase);
		return codings.code(doc, code, r[0], r[1], coder);
	}

	/** Each memo as "kind | what it is on | author | body". */
	List<String> memos(ProjectId p) {
		Map<CodeId, Code> codes = codesById(p);
		List<String> out = new ArrayList<>();
		for (Memo m : memos.all(p)) {
			String on = switch (m.target()) {
				case PROJECT -> "";
				case CODE -> codes.get(new CodeId(m.targetId())).path();
				case DOCUMENT -> corpus.document(new DocumentId(m.targetId())).orElseThrow().name();
				case CODING -> {
					Coding c = codings.coding(new CodingId(m.targetId())).orElseThrow();
					Transcript t = corpus.transcript(c.documentId()).orElseThrow();
					yield t.document().name() + ": " + codes.get(c.codeId()).path() + ", " + c.coder() + ", "
							+ t.text().substring(c.start(), c.end());
				}
			};
			out.add(m.target() + " | " + on + " | " + m.author() + " | " + m.body());
		}
		return out;
	}

	static Map<String, byte[]> unzip(byte[] zip) {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				assertThat(entries.put(e.getName(), in.readAllBytes())).as("entry %s twice", e.getName()).isNull();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	static Document parse(byte[] xml) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
	}

	static void collectPaths(Element code, String parent, Map<String, String> paths) {
		String path = parent.isEmpty() ? code.getAttribute("name") : parent + " › " + code.getAttribute("name");
		paths.put(guid(code.getAttribute("guid")), path);
		for (Element child : children(code, "Code")) {
			collectPaths(child, path, paths);
		}
	}

	static String guid(String raw) {
		return raw.strip().replace("{", "").replace("}", "").toLowerCase(Locale.ROOT);
	}

	/** The archive entry a {@code plainTextPath} points at. */
	static String entryName(String path) {
		return path.startsWith("internal://") ? "Sources/" + path.substring("internal://".length()) : path;
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> out = new ArrayList<>();
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e && QdpxFixtures.NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
				out.add(e);
			}
		}
		return out;
	}

	static List<Element> descendants(Element root, String localName) {
		var list = root.getElementsByTagNameNS(QdpxFixtures.NS, localName);
		List<Element> out = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			out.add((Element) list.item(i));
		}
		return out;
	}

}
