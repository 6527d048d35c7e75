package quire.fidelity;

/**
 * What one coder did with the MITI suggestions shown on one session's coding screen: how many
 * utterances they coded with the suggested behaviour (accepted) and how many with another (changed).
 * Utterances whose suggestion was hidden by the coder's confidence threshold are not counted.
 */
public record SuggestionUse(MitiSessionId session, String sessionLabel, String coder, int accepted, int changed) {

	/** Utterances coded while a suggestion was shown. */
	public int shown() {
		return accepted + changed;
	}

	/** Accepted share of {@link #shown()}, or NaN when nothing was shown. */
	public double acceptedShare() {
		return shown() == 0 ? Double.NaN : (double) accepted / shown();
	}
}
