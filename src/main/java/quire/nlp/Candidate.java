package quire.nlp;

/**
 * A candidate identifier found in a document's text: {@code [start, end)}, its words, what it seems
 * to be, and which detector found it (CoreNLP NER, gazetteer, pattern, known name, capitalised word).
 */
public record Candidate(int start, int end, String surface, IdentifierKind kind, String source) {

	public Candidate {
		if (start < 0 || end <= start) {
			throw new IllegalArgumentException("candidate range must satisfy 0 <= start < end, was [" + start + ", " + end + ")");
		}
	}

	public boolean overlaps(int otherStart, int otherEnd) {
		return start < otherEnd && otherStart < end;
	}

	/** The key that makes pseudonyms consistent: the words in lower case with single spaces. */
	public String key() {
		return keyOf(surface);
	}

	public static String keyOf(String surface) {
		return surface.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
	}

}
