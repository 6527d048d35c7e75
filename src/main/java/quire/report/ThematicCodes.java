package quire.report;

import java.util.List;

import quire.coding.Code;
import quire.fidelity.Behaviour;
import quire.fidelity.MitiCodingService;

/**
 * Tells the thematic codebook from the MITI behaviour codes, for the COREQ items and the Results,
 * which count themes only. This is the report's one place for that rule: a code is a MITI behaviour
 * code when it lies under the MITI codebook's root or names a MITI behaviour; every other code is
 * thematic. (When {@code quire.coding.CodeSystem} is on main this asks it instead.)
 */
final class ThematicCodes {

	private ThematicCodes() {
	}

	static boolean isThematic(Code code) {
		String root = code.path().split(" › ", 2)[0].strip();
		return !root.equals(MitiCodingService.MITI_ROOT) && (code.depth() == 0 || Behaviour.parse(code.name()).isEmpty());
	}

	/** The thematic codes of a codebook, in its order. */
	static List<Code> of(List<Code> codes) {
		return codes.stream().filter(ThematicCodes::isThematic).toList();
	}

}
