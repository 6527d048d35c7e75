package quire.coding;

import java.util.List;

/**
 * Codes × codes over coded passages (overlapping codings of a document, whoever coded them):
 * {@code counts[i][j]} (i ≠ j) is the number of passages in which one coder's codings of code i and code
 * j overlap; the diagonal holds the number of passages coded with each code. So a passage two coders
 * coded for reliability counts once, and one coder's code meeting another coder's code is not a
 * co-occurrence. The codes are those of one code system; {@code scope} names it and the documents, e.g.
 * "Thematic codes, 12 codes · qualitative strand: 2 focus groups".
 */
public record CoOccurrence(List<Code> codes, int[][] counts, CodeSystem system, String scope) {
}
