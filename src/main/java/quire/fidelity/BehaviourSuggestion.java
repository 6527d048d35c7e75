package quire.fidelity;

/**
 * A suggested behaviour code for a counsellor utterance, from its surface form (English only): the
 * rule that fired and a rough confidence. Coders accept or reject it; it is never stored as a code
 * on its own.
 */
public record BehaviourSuggestion(int utteranceStart, Behaviour behaviour, String rule, double confidence) {
}
