package quire.report;

import java.util.List;

import quire.coding.Code;
import quire.coding.CodeSystem;

/**
 * The report's one place that tells the thematic codebook from the MITI behaviour codes, for the
 * COREQ items and the Results, which count themes only: a code's stored {@link CodeSystem}.
 */
final class ThematicCodes {

	private ThematicCodes() {
	}

	static boolean isThematic(Code code) {
		return code.system() == CodeSystem.THEMATIC;
	}

	/** The thematic codes of a codebook, in its order. */
	static List<Code> of(List<Code> codes) {
		return codes.stream().filter(ThematicCodes::isThematic).toList();
	}

}
