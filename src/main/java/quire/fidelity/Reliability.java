package quire.fidelity;

import java.util.List;

import quire.stats.Icc;

/**
 * Inter-rater reliability over sessions rated by two or more coders: one ICC per global score and per
 * behaviour count, over the sessions every compared coder rated.
 */
public record Reliability(List<String> coders, int sessions, List<Row> rows) {

	/** The ICC of one measure. */
	public record Row(String measure, Icc.Result icc) {
	}

	public Reliability {
		coders = List.copyOf(coders);
		rows = List.copyOf(rows);
	}

}
