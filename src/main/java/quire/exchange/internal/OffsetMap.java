package quire.exchange.internal;

import java.text.Normalizer;

/**
 * Maps character offsets in a text as another tool stored it to offsets in the text as Quire stored
 * it after normalising (byte-order mark dropped, CRLF and CR line endings to LF, NFC, no-break spaces to
 * spaces, trailing spaces of lines and trailing newlines dropped). The two texts
 * are walked together; a character Quire dropped maps to the next kept one, and a run that
 * normalisation recomposed maps to its start.
 */
public final class OffsetMap {

	private final int[] map;

	private OffsetMap(int[] map) {
		this.map = map;
	}

	public static OffsetMap align(String original, String stored) {
		int[] map = new int[original.length() + 1];
		int i = 0;
		int j = 0;
		while (i < original.length()) {
			char c = original.charAt(i);
			if (j < stored.length() && c == stored.charAt(j)) {
				map[i++] = j++;
				continue;
			}
			if (c == '\uFEFF' || (c == '\r' && i + 1 < original.length() && original.charAt(i + 1) == '\n')) {
				map[i++] = j; // dropped: maps to the next kept character
				continue;
			}
			if (j < stored.length() && substitutes(c, stored.charAt(j))) {
				map[i++] = j++;
				continue;
			}
			// a run that NFC recomposed: find the shortest original run whose NFC form matches here
			boolean matched = false;
			for (int len = 1; len <= 8 && i + len <= original.length(); len++) {
				String nfc = Normalizer.normalize(original.substring(i, i + len), Normalizer.Form.NFC);
				if (stored.startsWith(nfc, j)) {
					for (int k = 0; k < len; k++) {
						map[i + k] = j;
					}
					i += len;
					j += nfc.length();
					matched = true;
					break;
				}
			}
			if (!matched) {
				map[i++] = j; // Quire left this character out (e.g. trailing white space): keep the position
			}
		}
		map[original.length()] = stored.length() >= j ? j : stored.length();
		return new OffsetMap(map);
	}

	/**
	 * This map read with offsets as {@code counting} counts the original text (see {@link Counting}):
	 * offset {@code k} of the result is what this map gives for the {@code k}-th position of that
	 * counting, and {@link #originalLength()} is the text's length in that counting.
	 */
	public OffsetMap countedAs(Counting counting, String original) {
		if (original.length() != originalLength()) {
			throw new IllegalArgumentException("the text is " + original.length() + " characters; this map is for "
					+ originalLength());
		}
		int[] positions = counting.positions(original);
		int[] counted = new int[positions.length];
		for (int k = 0; k < positions.length; k++) {
			counted[k] = map[positions[k]];
		}
		return new OffsetMap(counted);
	}

	/** Quire's normaliser writes line separators as LF and no-break, form-feed and vertical-tab spaces as a space. */
	private static boolean substitutes(char original, char stored) {
		return (stored == '\n' && (original == '\r' || original == '\u2028' || original == '\u2029'))
				|| (stored == ' ' && (original == '\u00A0' || original == '\f' || original == '\u000B'));
	}

	/** The stored-text offset for an original offset; offsets past the end map to the end. */
	public int map(int originalOffset) {
		if (originalOffset < 0) {
			return 0;
		}
		return map[Math.min(originalOffset, map.length - 1)];
	}

	/** The number of characters in the original text. */
	public int originalLength() {
		return map.length - 1;
	}

}
