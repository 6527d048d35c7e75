package quire.coding;

/** What deleting a code would remove: the code with its descendants, and their codings. */
public record DeleteImpact(String name, int codes, int codings) {

	/** A sentence for the confirmation dialog. */
	public String describe() {
		return "Deleting '" + name + "' removes " + plural(codes, "code") + " and " + plural(codings, "coding")
				+ ". This cannot be undone.";
	}

	static String plural(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
