package quire.fidelity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ten MITI 4.2.1 counsellor behaviour codes, tallied per utterance over a coded segment.
 * <p>
 * Each behaviour has the manual's name ({@link #label()}), its short name ({@link #shortName()}), its
 * MI-consistency class ({@link #consistency()}) and a single lower-case keyboard key ({@link #key()}) for coding
 * utterances on the coding screen. The keys are mnemonic where the initial letter is free:
 * <table>
 * <caption>Keyboard keys</caption>
 * <tr><th>key</th><th>behaviour</th><th>mnemonic</th></tr>
 * <tr><td>g</td><td>Giving Information</td><td><b>g</b>iving</td></tr>
 * <tr><td>p</td><td>Persuade</td><td><b>p</b>ersuade</td></tr>
 * <tr><td>w</td><td>Persuade with Permission</td><td>P<b>w</b>P</td></tr>
 * <tr><td>q</td><td>Question</td><td><b>q</b>uestion</td></tr>
 * <tr><td>s</td><td>Simple Reflection</td><td><b>s</b>imple</td></tr>
 * <tr><td>c</td><td>Complex Reflection</td><td><b>c</b>omplex</td></tr>
 * <tr><td>a</td><td>Affirm</td><td><b>a</b>ffirm</td></tr>
 * <tr><td>k</td><td>Seeking Collaboration</td><td>see<b>k</b> (s is taken)</td></tr>
 * <tr><td>e</td><td>Emphasizing Autonomy</td><td><b>e</b>mphasizing</td></tr>
 * <tr><td>f</td><td>Confront</td><td>con<b>f</b>ront (c is taken)</td></tr>
 * </table>
 */
public enum Behaviour {

	/** Giving Information (GI): neutral. */
	GI("GI", "Giving Information", 'g', "neutral"),
	/** Persuade: MI non-adherent. */
	PERSUADE("Persuade", "Persuade", 'p', "MI non-adherent"),
	/** Persuade with Permission (PwP): neutral, allowed. */
	PWP("PwP", "Persuade with Permission", 'w', "neutral"),
	/** Question (Q): neutral. */
	Q("Q", "Question", 'q', "neutral"),
	/** Simple Reflection (SR): reflection. */
	SR("SR", "Simple Reflection", 's', "reflection"),
	/** Complex Reflection (CR): reflection. */
	CR("CR", "Complex Reflection", 'c', "reflection"),
	/** Affirm (AF): MI-adherent. */
	AF("AF", "Affirm", 'a', "MI-adherent"),
	/** Seeking Collaboration (Seek): MI-adherent. */
	SEEK("Seek", "Seeking Collaboration", 'k', "MI-adherent"),
	/** Emphasizing Autonomy (Emph): MI-adherent. */
	EMPH("Emph", "Emphasizing Autonomy", 'e', "MI-adherent"),
	/** Confront: MI non-adherent. */
	CONFRONT("Confront", "Confront", 'f', "MI non-adherent");

	private static final Map<String, Behaviour> ALIASES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	static {
		for (Behaviour b : values()) {
			alias(b, b.shortName, b.label, b.name());
		}
		alias(GI, "Give Information", "Giving Info", "Information", "Info");
		alias(PERSUADE, "Persuasion");
		alias(PWP, "Persuade with", "Persuade w Permission", "Persuade w/ Permission", "Persuasion with Permission",
				"Persuade_with_Permission", "Persuade-with-Permission", "P w P");
		alias(Q, "Questions", "Ques", "Qu");
		alias(SR, "Simple Reflections", "Simple Refl", "Simple", "S Reflection", "Reflection Simple");
		alias(CR, "Complex Reflections", "Complex Refl", "Complex", "C Reflection", "Reflection Complex");
		alias(AF, "Affirmation", "Affirmations", "Affirming", "Aff");
		alias(SEEK, "Seek Collaboration", "Seeking", "Collaboration", "SC");
		alias(EMPH, "Emphasize Autonomy", "Emphasise Autonomy", "Emphasising Autonomy", "Emphasize", "Emphasise",
				"Autonomy", "EA");
		alias(CONFRONT, "Confrontation", "Confronting", "Conf");
	}

	private final String shortName;

	private final String label;

	private final char key;

	private final String consistency;

	Behaviour(String shortName, String label, char key, String consistency) {
		this.shortName = shortName;
		this.label = label;
		this.key = key;
		this.consistency = consistency;
	}

	private static void alias(Behaviour b, String... names) {
		for (String n : names) {
			ALIASES.put(normalise(n), b);
		}
	}

	/** The short name as in the manual's tables, e.g. {@code "CR"}, {@code "PwP"}, {@code "Seek"}. */
	public String shortName() {
		return this.shortName;
	}

	/** The manual's name, e.g. {@code "Complex Reflection"}. */
	public String label() {
		return this.label;
	}

	/** The lower-case keyboard key used to code this behaviour on the coding screen; distinct per behaviour. */
	public char key() {
		return this.key;
	}

	/** One of {@code "neutral"}, {@code "reflection"}, {@code "MI-adherent"}, {@code "MI non-adherent"}. */
	public String consistency() {
		return this.consistency;
	}

	/** The behaviour whose {@link #key()} is {@code key} (case-insensitive), if any. */
	public static Optional<Behaviour> ofKey(char key) {
		char k = Character.toLowerCase(key);
		for (Behaviour b : values()) {
			if (b.key == k) {
				return Optional.of(b);
			}
		}
		return Optional.empty();
	}

	/**
	 * Recognises a behaviour by its manual name, short name, enum constant name or a usual abbreviation, ignoring
	 * case, surrounding blanks, repeated blanks and the separators {@code _}, {@code -} and {@code .} between words
	 * (so {@code "complex_reflection"} and {@code "Persuade with"} are recognised).
	 *
	 * @param text the text to recognise
	 * @return the behaviour, or empty if the text names none
	 */
	public static Optional<Behaviour> parse(String text) {
		String t = normalise(text);
		if (t.isEmpty()) {
			return Optional.empty();
		}
		Behaviour b = ALIASES.get(t);
		if (b == null) {
			b = ALIASES.get(t.replace(" ", ""));
		}
		return Optional.ofNullable(b);
	}

	static String normalise(String text) {
		return text.strip().replaceAll("[\\s_\\-.]+", " ").strip().toLowerCase(Locale.ROOT);
	}

}
