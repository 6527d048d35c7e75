package quire.survey;

/**
 * The level of measurement of a survey variable, as SPSS and Stata users know it: it decides which summaries make
 * sense (counts and percentages for nominal and ordinal variables, means and standard deviations for scale ones).
 */
public enum MeasurementLevel {

	/** Categories without order, such as yes/no or a list of alternatives. */
	NOMINAL("nominal"),

	/** Ordered categories, such as a 1–5 Likert item. */
	ORDINAL("ordinal"),

	/** Numbers with meaningful distances, such as age in years. */
	SCALE("scale");

	private final String label;

	MeasurementLevel(String label) {
		this.label = label;
	}

	/** The lower-case name shown to users. */
	public String label() {
		return label;
	}

}
