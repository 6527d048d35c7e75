package quire.coding;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import quire.corpus.CorpusService;
import quire.corpus.DemoProject;
import quire.corpus.DemoProjectCreated;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.project.ProjectId;

/**
 * Gives the demo project a thematic analysis: the shipped RE-AIM codebook, three themes from the
 * seed study grouping its codes, and two coders' independent codings of both focus groups
 * ({@code corpora/demo/codings.csv}: coder, document, code, quote), anchored by finding each quote in
 * the document's text. Runs in the demo's creating transaction, so a failure leaves no demo behind.
 */
@Component
class DemoCoding {

	static final String CODINGS = "codings.csv";

	/** Themes (inductive parent codes) under a dimension, grouping codes of the RE-AIM codebook. */
	static final Map<String, List<String>> THEMES = themes();

	private final CodebookService codebook;

	private final CodingService codings;

	private final CorpusService corpus;

	private final MemoService memos;

	DemoCoding(CodebookService codebook, CodingService codings, CorpusService corpus, MemoService memos) {
		this.codebook = codebook;
		this.codings = codings;
		this.corpus = corpus;
		this.memos = memos;
	}

	@EventListener
	void on(DemoProjectCreated event) {
		ProjectId project = event.projectId();
		codebook.startFromReAim(project);
		createThemes(project);
		Map<String, Transcript> documents = new HashMap<>();
		for (DocumentSummary d : corpus.documents(project)) {
			documents.put(d.name(), corpus.transcript(d.id()).orElseThrow());
		}
		Map<String, Map<CodeId, List<TextSpan>>> byCoder = new LinkedHashMap<>();
		for (CSVRecord row : rows()) {
			String where = CODINGS + " line " + row.getRecordNumber();
			Transcript t = documents.get(row.get("document"));
			if (t == null) {
				throw new IllegalStateException(where + ": no demo document '" + row.get("document") + "'");
			}
			Code code = codebook.findCode(project, row.get("code"))
				.orElseThrow(() -> new IllegalStateException(where + ": no code '" + row.get("code") + "'"));
			String quote = row.get("quote");
			int at = t.text().indexOf(quote);
			if (at < 0 || t.text().indexOf(quote, at + 1) >= 0) {
				throw new IllegalStateException(where + ": the quote is not found exactly once in " + t.document().name());
			}
			byCoder.computeIfAbsent(row.get("coder"), k -> new LinkedHashMap<>())
				.computeIfAbsent(code.id(), k -> new ArrayList<>())
				.add(new TextSpan(t.document().id(), at, at + quote.length()));
		}
		byCoder.forEach((coder, spans) -> spans.forEach((code, list) -> codings.codeAll(project, code, coder, list)));
		memos.write(project, MemoTarget.PROJECT, null, "Anna", "Familiarisation",
				"Read both focus groups twice. First impression: the MI caseworkers talk about MI as useful but hard to"
						+ " master, and everyone returns to time and caseload. The MI-substitute group had the training"
						+ " but little practice. Analyse the MI group first, then look for differences.");
		codebook.findCode(project, "MI difficult to master").ifPresent(c -> memos.write(project, MemoTarget.CODE,
				c.id().value(), "Jonas", "Boundary with 'Few chances to practise'",
				"Use 'MI difficult to master' for the skill itself (reflections, summaries, the righting reflex);"
						+ " use 'Few chances to practise' when the obstacle is the lack of sessions or feedback."));
	}

	private void createThemes(ProjectId project) {
		THEMES.forEach((key, members) -> {
			String[] parts = key.split("\\|", 2);
			Code dimension = codebook.findCode(project, parts[0]).orElseThrow();
			Code theme = codebook.create(project, dimension.id(),
					new CodeDraft(parts[1], "A theme from the analysis of both focus groups.", "", "", "",
							dimension.colour(), Set.of(), null, Origin.INDUCTIVE));
			for (String member : members) {
				Code code = codebook.findCode(project, parts[0] + " › " + member)
					.orElseThrow(() -> new IllegalStateException("the RE-AIM codebook has no code '" + member + "'"));
				codebook.move(code.id(), theme.id(), null);
			}
		});
	}

	private static List<CSVRecord> rows() {
		String text = new String(DemoProject.read(CODINGS), StandardCharsets.UTF_8);
		try {
			return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
				.getRecords();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read the demo " + CODINGS, ex);
		}
	}

	private static Map<String, List<String>> themes() {
		Map<String, List<String>> themes = new LinkedHashMap<>();
		themes.put("Adoption|MI: a useful but difficult method to master", List.of("MI seen as useful", "MI difficult to master"));
		themes.put("Implementation|Resource-intensive RTW follow-up",
				List.of("Time and caseload pressure", "Documentation systems do not fit"));
		themes.put("Maintenance|Maintaining MI skills: the need for practising",
				List.of("Need for continued practice", "Sliding back to old habits"));
		return themes;
	}

}
