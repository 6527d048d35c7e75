package quire.fidelity;

/** A suggested behaviour code for one counsellor turn of a transcript, for evaluation and the CLI. */
public record TurnSuggestion(int turnIndex, String text, Behaviour behaviour, String rule, double confidence) {
}
