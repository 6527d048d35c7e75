package quire.nlp;

/**
 * What a candidate identifier is, which names its pseudonym: "Anna" (a participant) becomes
 * "[Participant 3]", "Trondheim" becomes "[Town 1]". {@link #DESCRIPTION} is a description that
 * singles a person out ("the only female welder at the plant"): a reviewer decides whether to replace
 * or reword it.
 */
public enum IdentifierKind {

	PARTICIPANT("Participant"), PERSON("Person"), NAME("Name"), TOWN("Town"), PLACE("Place"),
	ORGANISATION("Organisation"), EMPLOYER("Employer"), DATE("Date"), EMAIL("Email"), URL("URL"), PHONE("Phone"),
	ID_NUMBER("ID"), AGE("Age"), POSTCODE("Postcode"), ADDRESS("Address"), DESCRIPTION("Description");

	private final String label;

	IdentifierKind(String label) {
		this.label = label;
	}

	/** The word in the pseudonym, e.g. "Town" in "[Town 1]". */
	public String label() {
		return label;
	}

	/** The pseudonym with number {@code n}, e.g. {@code [Town 1]}. */
	public String pseudonym(int n) {
		return "[" + label + " " + n + "]";
	}

}
