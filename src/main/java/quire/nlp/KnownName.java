package quire.nlp;

/** A name the project knows must be replaced wherever it appears (a participant, an employer, a place). */
public record KnownName(String name, IdentifierKind kind) {

	public KnownName {
		if (name.isBlank()) {
			throw new IllegalArgumentException("a known name must not be empty");
		}
		name = name.strip();
	}

}
