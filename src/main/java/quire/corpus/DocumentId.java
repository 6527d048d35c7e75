package quire.corpus;

/** Identity of an imported document. */
public record DocumentId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
