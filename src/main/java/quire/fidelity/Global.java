package quire.fidelity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The four MITI 4.2.1 global scores, each rated once for the whole coded segment on an integer scale of 1 to 5.
 * <p>
 * {@link #anchors()} gives short descriptions of what each rating looks like. They are Quire's own paraphrases,
 * written as a reminder on the coding screen; coders should be trained on the MITI 4.2.1 manual itself.
 */
public enum Global {

	/** Cultivating Change Talk (CCT): how actively the counsellor draws out and strengthens change talk. */
	CULTIVATING_CHANGE_TALK("CCT", "Cultivating Change Talk", List.of(
			"Pays no attention to the client's talk about changing; misses or ignores openings.",
			"Picks up change talk now and then, but lets most chances to explore it pass.",
			"Notices change talk and sometimes follows it up, without a steady focus on it.",
			"Often invites and deepens the client's reasons, ideas and confidence for change.",
			"Consistently and skilfully evokes change talk and helps it grow stronger over the segment.")),

	/** Softening Sustain Talk (SST): how much the counsellor avoids deepening talk against change. */
	SOFTENING_SUSTAIN_TALK("SST", "Softening Sustain Talk", List.of(
			"Keeps returning to the client's reasons against change and draws out more of them.",
			"Often follows or expands talk in favour of the status quo.",
			"Gives sustain talk about as much room as other talk; neither feeds nor eases it.",
			"Mostly acknowledges sustain talk briefly and steers towards other ground.",
			"Reliably softens sustain talk, so that it loses momentum without being argued with.")),

	/** Partnership: how far the counsellor shares power and treats the client as the expert on their own change. */
	PARTNERSHIP("Partnership", "Partnership", List.of(
			"Acts as the sole expert; sets the agenda and the answers with no room for the client.",
			"Asks for the client's views occasionally, but mainly directs and decides.",
			"Some joint work, but chances to let the client lead or contribute are often missed.",
			"Works alongside the client; draws on their ideas and agrees direction together.",
			"Clearly shares power throughout; the client's knowledge shapes the course of the talk.")),

	/** Empathy: how much the counsellor grasps, or tries to grasp, the client's point of view. */
	EMPATHY("Empathy", "Empathy", List.of(
			"Shows no interest in how the client sees things.",
			"Shows occasional, thin attempts to understand that rarely go beyond the facts.",
			"Tries to understand the client's view, with only partial success.",
			"Understands the client's perspective well, including what lies beneath the words.",
			"Shows deep and accurate understanding of the client's experience and meanings throughout."));

	private static final Map<String, Global> ALIASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	static {
		for (Global g : values()) {
			alias(g, g.shortName, g.label, g.name());
		}
		alias(CULTIVATING_CHANGE_TALK, "Cultivating Change", "Cultivate Change Talk", "Change Talk", "Cultivating");
		alias(SOFTENING_SUSTAIN_TALK, "Softening Sustain", "Soften Sustain Talk", "Sustain Talk", "Softening");
		alias(PARTNERSHIP, "Partner");
		alias(EMPATHY, "Empathic");
	}

	private final String shortName;

	private final String label;

	private final List<String> anchors;

	Global(String shortName, String label, List<String> anchors) {
		this.shortName = shortName;
		this.label = label;
		this.anchors = anchors;
	}

	private static void alias(Global g, String... names) {
		for (String n : names) {
			ALIASES.put(normalise(n), g);
		}
	}

	/** The short name, e.g. {@code "CCT"}, {@code "Partnership"}. */
	public String shortName() {
		return this.shortName;
	}

	/** The manual's name, e.g. {@code "Cultivating Change Talk"}. */
	public String label() {
		return this.label;
	}

	/** Five short descriptions (Quire's own paraphrases) of ratings 1 to 5, index 0 for rating 1. */
	public List<String> anchors() {
		return this.anchors;
	}

	/** The description of {@code rating} (1–5). */
	public String anchor(int rating) {
		if (rating < 1 || rating > 5) {
			throw new IllegalArgumentException("a global rating is 1–5, got " + rating);
		}
		return this.anchors.get(rating - 1);
	}

	/**
	 * Recognises a global by its manual name, short name, enum constant name or a usual abbreviation, ignoring case,
	 * surrounding blanks and the separators {@code _}, {@code -} and {@code .} between words.
	 *
	 * @param text the text to recognise
	 * @return the global, or empty if the text names none
	 */
	public static Optional<Global> parse(String text) {
		String t = normalise(text);
		return t.isEmpty() ? Optional.empty() : Optional.ofNullable(ALIASES.get(t));
	}

	private static String normalise(String text) {
		return text.strip().replaceAll("[\\s_\\-.]+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
