package quire.coding;

/** Whether a code names a barrier to or a facilitator of the intervention. */
public enum Stance {

	BARRIER("Barrier"), FACILITATOR("Facilitator");

	private final String label;

	Stance(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
