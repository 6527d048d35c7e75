package quire.coding;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import quire.corpus.Strand;
import quire.stats.Agreement.Coefficient;
import quire.stats.Bootstrap.Interval;

/**
 * Inter-coder agreement per code and overall, with what it was computed over: the coders, the documents
 * ({@code documentScope}, e.g. "qualitative strand: 2 focus groups; 2 documents coded by Anna or Jonas", and
 * their names), {@code units} units of the chosen kind per code, and the code system ({@code codeScope}, e.g.
 * "Thematic codes, 12 codes"). The overall row pools every (unit, code) decision of the listed codes only.
 * Cohen's κ is given only for two coders; a coefficient that is undefined says why.
 */
public record AgreementReport(AgreementUnit unit, List<String> coders, int documents, @Nullable Strand strand,
		String documentScope, List<String> documentNames, int units, CodeSystem system, String codeScope,
		List<CodeAgreement> codes, CodeAgreement overall, List<Disagreement> disagreements) {

	public AgreementReport {
		coders = List.copyOf(coders);
		documentNames = List.copyOf(documentNames);
		codes = List.copyOf(codes);
		disagreements = List.copyOf(disagreements);
	}

	/**
	 * One line naming what the figures are computed over, e.g. "Anna and Jonas · qualitative strand: 2 focus
	 * groups; 2 documents coded by Anna or Jonas · 212 speaker turns per code · Thematic codes, 12 codes".
	 */
	public String computedOver() {
		return AgreementScope.describe(coders, documentScope, units, unit, codeScope);
	}

	/**
	 * Agreement on one code (or, for the overall row, on all listed codes pooled): the units compared, the
	 * units coded by at least one coder, and the coefficients with a bootstrap confidence interval for α.
	 */
	public record CodeAgreement(String code, int units, int codedUnits, Coefficient percent, Coefficient kappa,
			Coefficient alpha, Interval alphaCi) {

		/** α's interval as "[0.512, 0.803]", or "undefined (reason)". */
		public String alphaCiText() {
			if (!alphaCi.lower().defined()) {
				return "undefined (" + alphaCi.lower().reason() + ")";
			}
			return String.format(Locale.ROOT, "[%.3f, %.3f]", alphaCi.lower().value(), alphaCi.upper().value());
		}

	}

	/** A stretch of text where the coders differ on one code. */
	public record Disagreement(CodeId codeId, String code, quire.corpus.DocumentId documentId, String document, int start,
			int end, List<String> codedBy, List<String> notCodedBy, String text) {
	}

}
