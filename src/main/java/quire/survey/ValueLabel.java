package quire.survey;

import java.util.Objects;

/**
 * One value label of a categorical survey variable: the code as it is written in the data file and what it means,
 * e.g. {@code 5} → {@code "very satisfied"} or {@code yes} → {@code "yes"}. The constructor strips both; a blank
 * label becomes the code.
 *
 * @param code the value as written in the data, never blank, at most {@value #MAX_CODE_LENGTH} characters
 * @param label what the value means, at most {@value #MAX_LABEL_LENGTH} characters
 */
public record ValueLabel(String code, String label) {

	/** The longest code accepted. */
	public static final int MAX_CODE_LENGTH = 200;

	/** The longest label accepted. */
	public static final int MAX_LABEL_LENGTH = 500;

	public ValueLabel {
		code = Objects.requireNonNull(code, "code").strip();
		if (code.isEmpty()) {
			throw new IllegalArgumentException("a value label needs a code");
		}
		if (code.length() > MAX_CODE_LENGTH) {
			throw new IllegalArgumentException(
					"a value label's code must be at most " + MAX_CODE_LENGTH + " characters, was " + code.length());
		}
		label = Objects.requireNonNull(label, "label").strip();
		if (label.isEmpty()) {
			label = code;
		}
		if (label.length() > MAX_LABEL_LENGTH) {
			throw new IllegalArgumentException("the label of code " + code + " must be at most " + MAX_LABEL_LENGTH
					+ " characters, was " + label.length());
		}
	}

	/** A value label whose label is its code, e.g. {@code 3} → {@code "3"}. */
	public static ValueLabel of(String code) {
		return new ValueLabel(code, code);
	}

	/** E.g. {@code 5 = very satisfied}, or just {@code yes} when the label is the code. */
	@Override
	public String toString() {
		return this.code.equals(this.label) ? this.code : this.code + " = " + this.label;
	}

}
