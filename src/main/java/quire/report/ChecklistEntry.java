package quire.report;

import java.util.List;

/**
 * One COREQ item for a project: what Quire filled from the data and/or what the authors answered,
 * or missing. Nothing is invented: a missing item says so, and why where the data cannot answer it.
 * {@code evidence} says what an item filled from the data counted (which documents, speakers,
 * codes), one line each.
 */
public record ChecklistEntry(CoreqItem item, Status status, String answer, List<String> evidence) {

	public ChecklistEntry {
		evidence = List.copyOf(evidence);
	}

	public ChecklistEntry(CoreqItem item, Status status, String answer) {
		this(item, status, answer, List.of());
	}

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
