package quire.project;

/** Identity of a research project. */
public record ProjectId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}

}
