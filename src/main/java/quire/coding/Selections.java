package quire.coding;

import java.util.List;
import java.util.Optional;

import quire.corpus.SentenceUnit;
import quire.corpus.Turn;

/**
 * What a reader's selection of transcript text becomes before it is coded, the same in the
 * transcript page, the API and the CLI: widened to the whole sentences or whole speaker turns it
 * touches, the turns it spans (to play them), or an in-vivo code name made of its words. Offsets are
 * {@code [start, end)} into the document's stored text; sentence units and turns are the stored ones,
 * in text order. No Spring, no I/O.
 */
public final class Selections {

	/** The longest in-vivo code name, in characters (after white space is collapsed). */
	public static final int MAX_IN_VIVO = 80;

	private Selections() {
	}

	/** A range {@code [start, end)} of a document's text. */
	public record Range(int start, int end) {

		public Range {
			if (start < 0 || end < start) {
				throw new IllegalArgumentException("a range must satisfy 0 <= start <= end, was [" + start + ", " + end + ")");
			}
		}

		/** The smallest range covering this one and {@code other}. */
		public Range union(Range other) {
			return new Range(Math.min(start, other.start), Math.max(end, other.end));
		}

	}

	/**
	 * The smallest range of whole sentence units covering the ones that share a character with
	 * {@code [start, end)} ("code this sentence"); empty when no sentence does (the selection lies
	 * outside the speaker turns, e.g. in a heading). The result may be narrower than the selection
	 * where the selection takes in white space around the sentences.
	 */
	public static Optional<Range> sentences(List<SentenceUnit> units, int start, int end) {
		int from = -1;
		int to = -1;
		for (SentenceUnit u : units) {
			if (u.overlaps(start, end)) {
				from = from < 0 ? u.start() : Math.min(from, u.start());
				to = Math.max(to, u.end());
			}
		}
		return from < 0 ? Optional.empty() : Optional.of(new Range(from, to));
	}

	/**
	 * The range from the start of the turn holding {@code start} to the end of the turn holding the
	 * last selected character, never narrower than the selection; empty when either end lies outside
	 * every turn.
	 */
	public static Optional<Range> turns(List<Turn> turns, int start, int end) {
		Optional<Turn> first = turnAt(turns, start);
		Optional<Turn> last = turnAt(turns, Math.max(start, end - 1));
		if (first.isEmpty() || last.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Range(Math.min(first.get().start(), start), Math.max(last.get().end(), end)));
	}

	/** The turns that share a character with {@code [start, end)}, in order (a collapsed selection: the turn it is in). */
	public static List<Turn> turnsTouched(List<Turn> turns, int start, int end) {
		if (end <= start) {
			return turnAt(turns, start).map(List::of).orElse(List.of());
		}
		return turns.stream().filter(t -> t.start() < end && start < t.end()).toList();
	}

	/** The turn whose text holds the character at {@code offset}. */
	public static Optional<Turn> turnAt(List<Turn> turns, int offset) {
		return turns.stream().filter(t -> t.start() <= offset && offset < t.end()).findFirst();
	}

	/**
	 * An in-vivo code name made of the selected words: white space collapsed to single spaces, and
	 * punctuation and quotation marks at either end dropped ({@code “just a bit more time,”} becomes
	 * {@code just a bit more time}).
	 * @throws IllegalArgumentException if nothing is selected, the words are longer than
	 * {@link #MAX_IN_VIVO} characters, or nothing but punctuation is selected
	 */
	public static String inVivoName(String text, int start, int end) {
		if (start < 0 || end <= start || end > text.length()) {
			throw new IllegalArgumentException("Select the words that should become the code's name.");
		}
		String words = text.substring(start, end).strip().replaceAll("\\s+", " ");
		if (words.length() > MAX_IN_VIVO) {
			throw new IllegalArgumentException("An in-vivo code name must be short: select at most " + MAX_IN_VIVO
					+ " characters, not " + words.length() + ".");
		}
		String name = words.replaceAll("^[\\p{Punct}“”‘’«»]+|[\\p{Punct}“”‘’«»]+$", "").strip();
		if (name.isEmpty()) {
			throw new IllegalArgumentException("The selection “" + words + "” has no words to name a code after.");
		}
		return name;
	}

}
