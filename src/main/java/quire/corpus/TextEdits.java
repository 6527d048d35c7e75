package quire.corpus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorted, disjoint replacements of one text, and how offsets into the old text move into the new
 * one. A range that starts or ends inside a replaced span grows to cover the whole replacement, so
 * a coding never cuts a pseudonym in half and never loses its words: {@code [start, end)} maps to
 * {@code [mapStart(start), mapEnd(end))}.
 */
public final class TextEdits {

	private final List<TextEdit> edits;

	private TextEdits(List<TextEdit> edits) {
		this.edits = edits;
	}

	/**
	 * @throws IllegalArgumentException if two edits overlap or one reaches past the text
	 */
	public static TextEdits of(List<TextEdit> edits, int textLength) {
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort(Comparator.comparingInt(TextEdit::start));
		for (int i = 0; i < sorted.size(); i++) {
			TextEdit e = sorted.get(i);
			if (e.end() > textLength) {
				throw new IllegalArgumentException("edit [" + e.start() + ", " + e.end() + ") reaches past the text of "
						+ textLength + " characters");
			}
			if (i > 0 && sorted.get(i - 1).end() > e.start()) {
				throw new IllegalArgumentException("edits [" + sorted.get(i - 1).start() + ", " + sorted.get(i - 1).end()
						+ ") and [" + e.start() + ", " + e.end() + ") overlap");
			}
		}
		return new TextEdits(List.copyOf(sorted));
	}

	public List<TextEdit> edits() {
		return edits;
	}

	public boolean isEmpty() {
		return edits.isEmpty();
	}

	/** The text with every edit applied. */
	public String apply(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (TextEdit e : edits) {
			out.append(text, at, e.start()).append(e.replacement());
			at = e.end();
		}
		return out.append(text, at, text.length()).toString();
	}

	/** Where a range starting at {@code offset} starts in the new text (inside an edit: at the replacement's start). */
	public int mapStart(int offset) {
		int shift = 0;
		for (TextEdit e : edits) {
			if (offset < e.end()) {
				return offset <= e.start() ? offset + shift : e.start() + shift;
			}
			shift += e.replacement().length() - (e.end() - e.start());
		}
		return offset + shift;
	}

	/** Where a range ending at {@code offset} ends in the new text (inside an edit: at the replacement's end). */
	public int mapEnd(int offset) {
		int shift = 0;
		for (TextEdit e : edits) {
			if (offset <= e.start()) {
				return offset + shift;
			}
			if (offset <= e.end()) {
				return e.start() + shift + e.replacement().length();
			}
			shift += e.replacement().length() - (e.end() - e.start());
		}
		return offset + shift;
	}

}
