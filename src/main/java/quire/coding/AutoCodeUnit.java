package quire.coding;

/** What auto-coding codes around each hit: the hit's own words, its sentence, or its speaker turn. */
public enum AutoCodeUnit {

	HIT("the hit's words"), SENTENCE("the hit's sentence"), TURN("the hit's speaker turn");

	private final String label;

	AutoCodeUnit(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
