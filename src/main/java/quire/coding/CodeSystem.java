package quire.coding;

import java.util.Locale;

/**
 * The code system a code belongs to. A mixed-methods project codes the same transcripts with two systems
 * that must not be pooled: the thematic codebook (themes, RE-AIM dimensions, inductive codes), analysed
 * over the qualitative strand, and the MITI 4.2.1 behaviour codes, tallied per counsellor utterance for
 * fidelity. Themes, the framework matrix, co-occurrence and inter-coder agreement use {@link #THEMATIC}
 * unless the researcher chooses otherwise, and say which system they used ({@link #describe(int)}).
 * <p>
 * A code's system is stored with it. A new top-level code is {@link #MITI} when it is the root of the
 * shipped MITI codebook ({@code codebooks/miti-4.2.1.qdc}: its GUID, or a top-level code named as that root,
 * as {@code quire.fidelity} finds the behaviour codes), otherwise {@link #THEMATIC}; a sub-code takes its
 * parent's system. Migration V19 applied the same rule to existing projects. The researcher can move a
 * code tree to the other system ({@link CodebookService#setSystem}).
 */
public enum CodeSystem {

	THEMATIC("Thematic codes"), MITI("MITI behaviour codes");

	/** The GUID of the shipped MITI codebook's top-level code ({@code codebooks/miti-4.2.1.qdc}). */
	public static final String MITI_ROOT_GUID = "3ea389e2-1bbe-41ad-8bc9-6d92755b5a46";

	/** The name of the shipped MITI codebook's top-level code. */
	public static final String MITI_ROOT_NAME = "MITI 4.2.1 behaviour codes";

	private final String label;

	CodeSystem(String label) {
		this.label = label;
	}

	/** The system's name for people, e.g. {@code "Thematic codes"}. */
	public String label() {
		return label;
	}

	/** What a figure was computed over, e.g. {@code "Thematic codes, 12 codes"}. */
	public String describe(int codes) {
		return label + ", " + codes + (codes == 1 ? " code" : " codes");
	}

	/** The system of a new top-level code with this GUID and name. */
	static CodeSystem ofTopLevel(String guid, String name) {
		return MITI_ROOT_GUID.equalsIgnoreCase(guid) || MITI_ROOT_NAME.equals(name.strip()) ? MITI : THEMATIC;
	}

	/**
	 * Parses a system named by a person: {@code thematic} or {@code miti}, any case.
	 * @throws IllegalArgumentException naming the value when it is neither
	 */
	public static CodeSystem parse(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "thematic", "themes" -> THEMATIC;
			case "miti" -> MITI;
			default -> throw new IllegalArgumentException("unknown code system '" + text + "': use thematic or miti");
		};
	}

}
