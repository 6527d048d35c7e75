package quire.coding;

import java.util.List;

/**
 * Codes × codes: {@code counts[i][j]} is the number of pairs of codings of code i and code j that
 * overlap in the same document (i ≠ j); the diagonal holds each code's number of codings. The codes are
 * those of one code system; {@code scope} names it and the documents, e.g. "Thematic codes, 12 codes ·
 * qualitative strand: 2 focus groups".
 */
public record CoOccurrence(List<Code> codes, int[][] counts, CodeSystem system, String scope) {
}
