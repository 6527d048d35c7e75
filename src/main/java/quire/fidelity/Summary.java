package quire.fidelity;

/** The MITI 4.2.1 summary scores computed from the globals and the behaviour counts (see {@link MitiScores}). */
public enum Summary {

	/** Relational = (Partnership + Empathy) / 2. */
	RELATIONAL("Relational", "Relational"),
	/** Technical = (Cultivating Change Talk + Softening Sustain Talk) / 2. */
	TECHNICAL("Technical", "Technical"),
	/** % Complex Reflections = CR / (SR + CR), a proportion from 0 to 1. */
	PERCENT_CR("%CR", "% Complex Reflections"),
	/** Reflection-to-Question ratio = (SR + CR) / Q. */
	RQ("R:Q", "Reflection-to-Question ratio"),
	/** Total MI-Adherent = Seek + AF + Emph. */
	MI_ADHERENT("MI-Adherent", "Total MI-Adherent"),
	/** Total MI Non-Adherent = Confront + Persuade. */
	MI_NON_ADHERENT("MI Non-Adherent", "Total MI Non-Adherent");

	private final String shortName;

	private final String label;

	Summary(String shortName, String label) {
		this.shortName = shortName;
		this.label = label;
	}

	/** A short name for table headers, e.g. {@code "%CR"}, {@code "R:Q"}. */
	public String shortName() {
		return this.shortName;
	}

	/** The name used in the manual, e.g. {@code "% Complex Reflections"}. */
	public String label() {
		return this.label;
	}

}
