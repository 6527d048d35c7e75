package quire.coding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.stats.Agreement;
import quire.stats.Agreement.Coefficient;

/**
 * Inter-coder agreement between two or more coders on the same documents: percentage agreement,
 * Cohen's κ (two coders) and Krippendorff's α (nominal; any number of coders; missing values
 * allowed) per code and pooled over codes, at the unit of characters, sentences or speaker turns.
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

	AgreementService(CorpusService corpus, CodebookService codebook, CodingService codings) {
		this.corpus = corpus;
		this.codebook = codebook;
		this.codings = codings;
	}

	public AgreementReport compare(AgreementRequest request) {
		List<String> coders = request.coders();
		List<Code> allCodes = codebook.codes(request.projectId());
		Map<CodeId, Code> byId = new HashMap<>();
		allCodes.forEach(c -> byId.put(c.id(), c));
		List<Coding> all = codings.codings(request.projectId(), null).stream()
			.filter(c -> coders.contains(c.coder()))
			.toList();
		Set<DocumentId> documents = new LinkedHashSet<>(request.documents());
		if (documents.isEmpty()) {
			all.forEach(c -> documents.add(c.documentId()));
		}
		Set<CodeId> codes = new LinkedHashSet<>(request.codes());
		if (codes.isEmpty()) {
			allCodes.stream().map(Code::id).filter(id -> all.stream().anyMatch(c -> c.codeId().equals(id))).forEach(codes::add);
		}
		for (CodeId id : codes) {
			if (!byId.containsKey(id)) {
				throw new IllegalArgumentException("no code with id " + id.value() + " in this project");
			}
		}
		List<DocumentUnits> units = new ArrayList<>();
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
			units.add(new DocumentUnits(t, request.unit() == AgreementUnit.SENTENCE ? sentences(d) : units(t, request.unit()),
					inDocument, present, coders));
		}

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
			perCode.add(agreement(byId.get(code).path(), columns, coders.size()));
		}
		AgreementReport.CodeAgreement overall = agreement("All codes", pooled, coders.size());
		return new AgreementReport(request.unit(), coders, units.size(), perCode, overall,
				disagreements.size() > MAX_DISAGREEMENTS ? disagreements.subList(0, MAX_DISAGREEMENTS) : disagreements);
	}

	private static AgreementReport.CodeAgreement agreement(String name, List<int[]> columns, int coders) {
		int[][] data = new int[coders][columns.size()];
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
		}
		if (columns.isEmpty()) {
			Coefficient none = Coefficient.undefined("there are no units to compare");
			return new AgreementReport.CodeAgreement(name, 0, 0, none, none, none);
		}
		Coefficient percent = Agreement.percentAgreement(data);
		Coefficient kappa = coders == 2 ? Agreement.cohensKappa(data[0], data[1]).kappa()
				: Coefficient.undefined("Cohen's kappa compares exactly two coders");
		Coefficient alpha = Agreement.krippendorffAlphaNominal(data).alpha();
		return new AgreementReport.CodeAgreement(name, columns.size(), coded, percent, kappa, alpha);
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

	private record DocumentUnits(Transcript transcript, List<int[]> units, List<Coding> codings, boolean[] present,
			List<String> coders) {

		int coderIndex(String coder) {
			return coders.indexOf(coder);
		}

	}

}
