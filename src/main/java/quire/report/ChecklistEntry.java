package quire.report;

/**
 * One COREQ item for a project: what Quire filled from the data and/or what the authors answered,
 * or missing. Nothing is invented: a missing item says so.
 */
public record ChecklistEntry(CoreqItem item, Status status, String answer) {

	/** Where an answer comes from. */
	public enum Status {

		FROM_DATA("filled from project data"), AUTHOR("answered by the authors"), MISSING("missing");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

}
