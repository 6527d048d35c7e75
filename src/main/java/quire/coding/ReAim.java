package quire.coding;

/** The five RE-AIM dimensions (Glasgow, Vogt &amp; Boles 1999) that codes and themes map to. */
public enum ReAim {

	REACH("Reach"), EFFECTIVENESS("Effectiveness"), ADOPTION("Adoption"), IMPLEMENTATION("Implementation"),
	MAINTENANCE("Maintenance");

	private final String label;

	ReAim(String label) {
		this.label = label;
	}

	/** The dimension's name as researchers write it, e.g. "Implementation". */
	public String label() {
		return label;
	}

}
