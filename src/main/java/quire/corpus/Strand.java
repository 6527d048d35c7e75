package quire.corpus;

/**
 * The strand of a mixed-methods study that a document group belongs to. Figures are computed over
 * one strand: themes, agreement, saturation and the COREQ items over the qualitative strand; MITI
 * figures over the fidelity strand. (Each questionnaire is a strand of its own, kept by the survey
 * module.)
 */
public enum Strand {

	QUALITATIVE("qualitative strand", "focus groups and interviews analysed thematically"),
	FIDELITY("fidelity strand", "counselling sessions scored for MI fidelity with MITI"),
	NONE("not analysed", "documents kept in the project but outside every analysis");

	private final String label;

	private final String description;

	Strand(String label, String description) {
		this.label = label;
		this.description = description;
	}

	public String label() {
		return label;
	}

	public String description() {
		return description;
	}

	/** The strand named by a CLI or API argument ("qualitative", "fidelity", "none"). */
	public static Strand parse(String text) {
		String t = text.strip().toUpperCase(java.util.Locale.ROOT);
		return switch (t) {
			case "QUALITATIVE", "QUAL" -> QUALITATIVE;
			case "FIDELITY", "MITI" -> FIDELITY;
			case "NONE", "EXCLUDED" -> NONE;
			default -> throw new IllegalArgumentException("unknown strand '" + text + "': use qualitative, fidelity or none");
		};
	}

}
