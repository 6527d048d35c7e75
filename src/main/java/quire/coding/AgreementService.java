package quire.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.StudyDesign;
import quire.corpus.StudyDesignService;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.stats.Agreement;
import quire.stats.Agreement.Coefficient;
import quire.stats.Bootstrap;
import quire.stats.Bootstrap.Interval;

/**
 * Inter-coder agreement between two or more coders on the same documents: percentage agreement,
 * Cohen's κ (two coders) and Krippendorff's α (nominal; any number of coders; missing values
 * allowed) with a seeded bootstrap 95 % interval, per code and pooled over the codes of one code
 * system, at the unit of speaker turns (default), sentences or characters. By default the documents
 * are the qualitative strand's and the codes the thematic system's, so MITI behaviour codes on the
 * counselling sessions do not enter a thematic figure.
 * A unit is "coded" by a coder when one of the coder's codings of that code covers (character) or
 * overlaps (sentence, turn) it. A coder who has not coded a document at all counts as missing there,
 * not as having disagreed.
 */
@Service
@Transactional(readOnly = true)
public class AgreementService {

	/** At most this many disagreements are listed. */
	static final int MAX_DISAGREEMENTS = 500;

	private final CorpusService corpus;

	private final CodebookService codebook;

	private final CodingService codings;

	private final StudyDesignService studyDesign;

	AgreementService(CorpusService corpus, CodebookService codebook, CodingService codings,
			StudyDesignService studyDesign) {
		this.studyDesign = studyDesign;
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
	}

	/**
	 * What {@link #compare} would run over, without computing a coefficient: cheap enough to call whenever a
	 * setting changes, where the bootstrap takes seconds.
	 *
	 * @throws IllegalArgumentException for a code of another system or a document of another project
	 */
	public AgreementScope scope(AgreementRequest request) {
		Resolved r = resolve(request);
		return new AgreementScope(request.unit(), request.coders(), r.units.size(),
				request.documents().isEmpty() ? request.strand() : null, r.documentScope, r.names, r.unitCount,
				request.system(), r.codes.size(), request.system().describe(r.codes.size()));
	}

	public AgreementReport compare(AgreementRequest request) {
		return compare(request, (done, of) -> {
		});
	}

	/**
	 * Compares the coders and tells {@code progress} after each code (the bootstrap per code is the slow part),
	 * so a page can show how far it has got.
	 */
	public AgreementReport compare(AgreementRequest request, Progress progress) {
		Resolved r = resolve(request);
		List<String> coders = request.coders();
		Map<CodeId, Code> byId = r.byId;
		Set<CodeId> codes = r.codes;
		List<DocumentUnits> units = r.units;
		int unitCount = r.unitCount;
		List<AgreementReport.CodeAgreement> perCode = new ArrayList<>();
		List<AgreementReport.Disagreement> disagreements = new ArrayList<>();
		List<int[]> pooled = new ArrayList<>();
		for (CodeId code : codes) {
			List<int[]> columns = new ArrayList<>(); // one int[coders] per unit
			for (DocumentUnits du : units) {
				int[][] values = values(du, code, coders.size(), request.unit());
				for (int u = 0; u < du.units.size(); u++) {
					columns.add(values[u]);
				}
				collectDisagreements(du, values, byId.get(code), coders, request.unit(), disagreements);
			}
			pooled.addAll(columns);
			perCode.add(agreement(byId.get(code).path(), columns, coders.size(), unitCount, request));
			progress.done(perCode.size(), codes.size() + 1);
		}
		AgreementReport.CodeAgreement overall = agreement("All codes (" + request.system().describe(codes.size()) + ")",
				pooled, coders.size(), unitCount, request);
		progress.done(codes.size() + 1, codes.size() + 1);
		return new AgreementReport(request.unit(), coders, units.size(), request.documents().isEmpty() ? request.strand() : null,
				r.documentScope, r.names, unitCount, request.system(), request.system().describe(codes.size()), perCode, overall,
				disagreements.size() > MAX_DISAGREEMENTS ? disagreements.subList(0, MAX_DISAGREEMENTS) : disagreements);
	}

	/** The documents, codes and units a request names, with each document's codings. */
	private Resolved resolve(AgreementRequest request) {
		List<String> coders = request.coders();
		List<Code> allCodes = codebook.codes(request.projectId());
		Map<CodeId, Code> byId = new HashMap<>();
		allCodes.forEach(c -> byId.put(c.id(), c));
		List<Coding> all = codings.codings(request.projectId(), null).stream()
			.filter(c -> coders.contains(c.coder()))
			.toList();
		Set<DocumentId> documents = new LinkedHashSet<>(request.documents());
		String documentScope;
		if (documents.isEmpty()) {
			Set<DocumentId> coded = new LinkedHashSet<>();
			all.forEach(c -> coded.add(c.documentId()));
			String codedBy = " coded by " + String.join(" or ", coders);
			if (request.strand() == null) {
				documents.addAll(coded);
				documentScope = "all strands; " + plural(documents.size(), "document") + codedBy;
			}
			else {
				StudyDesign design = studyDesign.design(request.projectId());
				design.documents(request.strand()).stream().filter(coded::contains).forEach(documents::add);
				documentScope = design.describe(request.strand()) + "; " + plural(documents.size(), "document") + codedBy;
			}
		}
		else {
			documentScope = plural(documents.size(), "chosen document");
		}
		for (CodeId id : request.codes()) {
			Code code = byId.get(id);
			if (code == null) {
				throw new IllegalArgumentException("no code with id " + id.value() + " in this project");
			}
			if (code.system() != request.system()) {
				throw new IllegalArgumentException("code '" + code.path() + "' is one of the " + code.system().label()
						+ ", not the " + request.system().label() + ": compare one code system at a time");
			}
		}
		Set<CodeId> codes = new LinkedHashSet<>(request.codes());
		if (codes.isEmpty()) {
			Set<CodeId> used = new HashSet<>();
			all.stream().filter(c -> documents.contains(c.documentId())).forEach(c -> used.add(c.codeId()));
			allCodes.stream()
				.filter(c -> c.system() == request.system() && used.contains(c.id()))
				.map(Code::id)
				.forEach(codes::add);
		}
		List<DocumentUnits> units = new ArrayList<>();
		List<String> names = new ArrayList<>();
		int unitCount = 0;
		for (DocumentId d : documents) {
			Transcript t = corpus.transcript(d).orElseThrow(() -> new IllegalArgumentException("no document with id " + d.value()));
			if (!t.document().projectId().equals(request.projectId())) {
				throw new IllegalArgumentException("document '" + t.document().name() + "' belongs to another project");
			}
			List<Coding> inDocument = all.stream().filter(c -> c.documentId().equals(d)).toList();
			boolean[] present = new boolean[coders.size()];
			for (Coding c : inDocument) {
				present[coders.indexOf(c.coder())] = true;
			}
			DocumentUnits du = new DocumentUnits(t,
					request.unit() == AgreementUnit.SENTENCE ? sentences(d) : units(t, request.unit()), inDocument, present,
					coders);
			units.add(du);
			names.add(t.document().name());
			unitCount += du.units.size();
		}
		return new Resolved(byId, codes, units, names, unitCount, documentScope);
	}

	/**
	 * The coefficients over {@code columns} (one {@code int[coders]} per unit; for the pooled row one per (unit,
	 * code), code after code, so column j is unit j mod {@code unitsPerCode}). α's interval resamples units; for
	 * the pooled row it resamples units with their decisions on every code, since those are not independent.
	 */
	private static AgreementReport.CodeAgreement agreement(String name, List<int[]> columns, int coders,
			int unitsPerCode, AgreementRequest request) {
		int[][] data = new int[coders][columns.size()];
		int[] clusters = new int[columns.size()];
		int coded = 0;
		for (int u = 0; u < columns.size(); u++) {
			boolean any = false;
			for (int c = 0; c < coders; c++) {
				data[c][u] = columns.get(u)[c];
				any |= columns.get(u)[c] == 1;
			}
			if (any) {
				coded++;
			}
			clusters[u] = u % unitsPerCode;
		}
		if (columns.isEmpty()) {
			Coefficient none = Coefficient.undefined("there are no units to compare");
			return new AgreementReport.CodeAgreement(name, 0, 0, none, none, none,
					new Interval(none, none, none, request.resamples(), request.seed(), Bootstrap.DEFAULT_LEVEL));
		}
		Coefficient percent = Agreement.percentAgreement(data);
		Coefficient kappa = coders == 2 ? Agreement.cohensKappa(data[0], data[1]).kappa()
				: Coefficient.undefined("Cohen's kappa compares exactly two coders");
		Coefficient alpha = Agreement.krippendorffAlphaNominal(data).alpha();
		Interval ci;
		if (request.unit() == AgreementUnit.CHARACTER) {
			Coefficient none = Coefficient.undefined("no interval at the character level: characters are not independent units");
			ci = new Interval(alpha, none, none, request.resamples(), request.seed(), Bootstrap.DEFAULT_LEVEL);
		}
		else {
			ci = Bootstrap.alphaCi(data, clusters, request.resamples(), request.seed(), Bootstrap.DEFAULT_LEVEL);
		}
		return new AgreementReport.CodeAgreement(name, columns.size(), coded, percent, kappa, alpha, ci);
	}

	private static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	/** values[unit][coder]: 1 coded, 0 not coded, -1 missing (the coder did not code this document). */
	private static int[][] values(DocumentUnits du, CodeId code, int coders, AgreementUnit unit) {
		int[][] values = new int[du.units.size()][coders];
		for (int u = 0; u < values.length; u++) {
			for (int c = 0; c < coders; c++) {
				values[u][c] = du.present[c] ? 0 : Agreement.MISSING;
			}
		}
		for (Coding c : du.codings) {
			if (!c.codeId().equals(code)) {
				continue;
			}
			int coder = du.coderIndex(c.coder());
			for (int u = first(du.units, c.start()); u < du.units.size() && du.units.get(u)[0] < c.end(); u++) {
				int[] range = du.units.get(u);
				boolean hit = unit == AgreementUnit.CHARACTER ? c.start() <= range[0] && range[1] <= c.end()
						: c.overlaps(range[0], range[1]);
				if (hit) {
					values[u][coder] = 1;
				}
			}
		}
		return values;
	}

	private static void collectDisagreements(DocumentUnits du, int[][] values, Code code, List<String> coders,
			AgreementUnit unit, List<AgreementReport.Disagreement> out) {
		int u = 0;
		while (u < values.length && out.size() <= MAX_DISAGREEMENTS) {
			if (!differs(values[u])) {
				u++;
				continue;
			}
			int from = u;
			while (u + 1 < values.length && differs(values[u + 1]) && java.util.Arrays.equals(values[u + 1], values[from])
					&& (unit != AgreementUnit.CHARACTER || du.units.get(u + 1)[0] <= du.units.get(u)[1] + 1)) {
				u++;
			}
			int start = du.units.get(from)[0];
			int end = du.units.get(u)[1];
			List<String> with = new ArrayList<>();
			List<String> without = new ArrayList<>();
			for (int c = 0; c < coders.size(); c++) {
				if (values[from][c] == 1) {
					with.add(coders.get(c));
				}
				else if (values[from][c] == 0) {
					without.add(coders.get(c));
				}
			}
			String text = du.transcript.text().substring(start, end);
			out.add(new AgreementReport.Disagreement(code.id(), code.path(), du.transcript.document().id(),
					du.transcript.document().name(), start, end, with, without,
					text.length() > 300 ? text.substring(0, 300) + "…" : text));
			u++;
		}
	}

	private static boolean differs(int[] values) {
		int seen = -2;
		for (int v : values) {
			if (v == Agreement.MISSING) {
				continue;
			}
			if (seen != -2 && v != seen) {
				return true;
			}
			seen = v;
		}
		return false;
	}

	/** Index of the first unit that ends after {@code offset} (units are sorted and disjoint). */
	private static int first(List<int[]> units, int offset) {
		int lo = 0;
		int hi = units.size();
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (units.get(mid)[1] <= offset) {
				lo = mid + 1;
			}
			else {
				hi = mid;
			}
		}
		return lo;
	}

	/** A document's stored sentence units (see {@link CorpusService#sentences}) as {@code [start, end)} ranges. */
	private List<int[]> sentences(DocumentId document) {
		return corpus.sentences(document).stream().map(s -> new int[] { s.start(), s.end() }).toList();
	}

	/**
	 * The character or turn units of a document as sorted, disjoint {@code [start, end)} ranges inside
	 * speaker turns; sentence units come from the corpus.
	 */
	static List<int[]> units(Transcript t, AgreementUnit unit) {
		List<int[]> out = new ArrayList<>();
		String text = t.text();
		for (Turn turn : t.turns()) {
			switch (unit) {
				case TURN -> {
					if (turn.end() > turn.start()) {
						out.add(new int[] { turn.start(), turn.end() });
					}
				}
				case CHARACTER -> {
					for (int i = turn.start(); i < turn.end(); i++) {
						if (!Character.isWhitespace(text.charAt(i))) {
							out.add(new int[] { i, i + 1 });
						}
					}
				}
				case SENTENCE -> throw new IllegalArgumentException("sentence units are stored in the corpus");
			}
		}
		return out;
	}

	/** Told after each step of {@link #compare}: {@code done} of {@code of} (the codes, then the pooled row). */
	@FunctionalInterface
	public interface Progress {

		void done(int done, int of);

	}

	private record Resolved(Map<CodeId, Code> byId, Set<CodeId> codes, List<DocumentUnits> units, List<String> names,
			int unitCount, String documentScope) {
	}

	private record DocumentUnits(Transcript transcript, List<int[]> units, List<Coding> codings, boolean[] present,
			List<String> coders) {

		int coderIndex(String coder) {
			return coders.indexOf(coder);
		}

	}

}
