package quire.coding;

import java.util.List;

import org.jspecify.annotations.Nullable;

import quire.corpus.Strand;

/**
 * What a comparison runs over, resolved from an {@link AgreementRequest} without computing any coefficient:
 * the coders, the documents ({@code documentScope} and their names), {@code units} units of the chosen kind
 * per code, and the codes ({@code codes} of them, {@code codeScope} e.g. "Thematic codes, 12 codes"). The
 * agreement page shows it as soon as the settings change, before the researcher asks for the (slow)
 * bootstrap figures.
 */
public record AgreementScope(AgreementUnit unit, List<String> coders, int documents, @Nullable Strand strand,
		String documentScope, List<String> documentNames, int units, CodeSystem system, int codes, String codeScope) {

	public AgreementScope {
		coders = List.copyOf(coders);
		documentNames = List.copyOf(documentNames);
	}

	/**
	 * One line naming what the figures are (or will be) computed over, e.g. "Anna and Jonas · qualitative
	 * strand: 2 focus groups; 2 documents coded by Anna or Jonas · 212 speaker turns per code · Thematic
	 * codes, 12 codes".
	 */
	public String describe() {
		return describe(coders, documentScope, units, unit, codeScope);
	}

	static String describe(List<String> coders, String documentScope, int units, AgreementUnit unit, String codeScope) {
		String who = coders.size() == 2 ? coders.get(0) + " and " + coders.get(1) : String.join(", ", coders);
		return who + " · " + documentScope + " · " + units + " " + unit.plural(units) + " per code · " + codeScope
				+ (unit.caveat().isEmpty() ? "" : " · " + unit.caveat());
	}

}
