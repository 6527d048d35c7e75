package quire.fidelity;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which ratings fidelity results are computed over: the primary ratings of one {@link RatingSource}
 * (the coding lab by default where the project has lab ratings), or, as an explicit choice, both
 * sources pooled — a session rated by both then counts once, by the lab's rating. Reliability ratings
 * are never in results.
 */
public enum ResultsSource {

	LAB("lab", "rated by the coding lab"), QUIRE("quire", "coded in Quire"), POOLED("pooled", "coding lab and Quire pooled");

	private final String key;

	private final String description;

	ResultsSource(String key, String description) {
		this.key = key;
		this.description = description;
	}

	/** The word used on the command line and in the API: {@code lab}, {@code quire}, {@code pooled}. */
	public String key() {
		return key;
	}

	/** How captions name it, e.g. "rated by the coding lab". */
	public String description() {
		return description;
	}

	/** Whether ratings of {@code source} are counted. */
	public boolean includes(RatingSource source) {
		return this == POOLED || name().equals(source.name());
	}

	/** Reads {@code lab}, {@code quire} or {@code pooled} (any case); a clear message otherwise. */
	public static ResultsSource parse(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(s -> s.key.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown rating source '" + text + "': use lab, quire or pooled"));
	}

}
