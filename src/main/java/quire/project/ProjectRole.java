package quire.project;

/**
 * What a member may do in a project. Each role includes the ones below it: an owner may do
 * everything a coder may, a coder everything a viewer may.
 */
public enum ProjectRole {

	/** Manages members, reads the audit log, deletes documents and the project. */
	OWNER("owner"),
	/** Imports, codes, writes memos, scores MITI, imports questionnaires. */
	CODER("coder"),
	/** Reads, searches and exports reports. */
	VIEWER("viewer");

	private final String label;

	ProjectRole(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** True if this role includes {@code needed}. */
	public boolean includes(ProjectRole needed) {
		return ordinal() <= needed.ordinal();
	}

	/** Reads "owner", "CODER", "Viewer". */
	public static ProjectRole parse(String text) {
		for (ProjectRole r : values()) {
			if (r.label.equalsIgnoreCase(text.strip()) || r.name().equalsIgnoreCase(text.strip())) {
				return r;
			}
		}
		throw new IllegalArgumentException("no role '" + text + "'; roles are owner, coder and viewer");
	}

}
