package quire.coding;

import java.util.List;

import quire.stats.Agreement.Coefficient;

/**
 * Inter-coder agreement per code and overall. {@code units} is the number of units compared per
 * code; the overall figures pool every (unit, code) decision. Cohen's κ is given only for two
 * coders; a coefficient that is undefined says why.
 */
public record AgreementReport(AgreementUnit unit, List<String> coders, int documents, List<CodeAgreement> codes,
		CodeAgreement overall, List<Disagreement> disagreements) {

	/** Agreement on one code (or, for the overall row, on all codes pooled). */
	public record CodeAgreement(String code, int units, int codedUnits, Coefficient percent, Coefficient kappa,
			Coefficient alpha) {
	}

	/** A stretch of text where the coders differ on one code. */
	public record Disagreement(CodeId codeId, String code, quire.corpus.DocumentId documentId, String document, int start,
			int end, List<String> codedBy, List<String> notCodedBy, String text) {
	}

}
