package quire.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A number attribute's value as stored: either decimal separator, without trailing zeros. A comma is
 * always the decimal comma, so "1,234" is 1.234 (there are no thousands separators), and a value with
 * both separators is refused.
 */
final class AttributeValueTests {

	static final Attribute AGE = new Attribute(1, "Age", AttributeKind.NUMBER, List.of());

	@Test
	void numbersAreStoredPlainWithEitherDecimalSeparator() {
		assertThat(ParticipantService.check(AGE, " 42 ")).isEqualTo("42");
		assertThat(ParticipantService.check(AGE, "42.50")).isEqualTo("42.5");
		assertThat(ParticipantService.check(AGE, "42,50")).isEqualTo("42.5");
		assertThat(ParticipantService.check(AGE, "-3,25")).isEqualTo("-3.25");
		assertThat(ParticipantService.check(AGE, "+2")).isEqualTo("2");
		assertThat(ParticipantService.check(AGE, ",5")).isEqualTo("0.5");
		assertThat(ParticipantService.check(AGE, ".5")).isEqualTo("0.5");
		assertThat(ParticipantService.check(AGE, "5.")).isEqualTo("5");
		assertThat(ParticipantService.check(AGE, "1e3")).isEqualTo("1000");
		assertThat(ParticipantService.check(AGE, "2,5E-1")).isEqualTo("0.25");
		assertThat(ParticipantService.check(AGE, "100")).isEqualTo("100");
		assertThat(ParticipantService.check(AGE, "-0")).isEqualTo("0");
	}

	@Test
	void aCommaIsTheDecimalCommaNeverAThousandsSeparator() {
		assertThat(ParticipantService.check(AGE, "1,234")).isEqualTo("1.234");
		assertThat(ParticipantService.check(AGE, "1.234")).isEqualTo("1.234");
		for (String text : new String[] { "1,234.5", "1.234,5", "1 234", "1,234,567", "12%", "abc", "", "-", ",", "0x10" }) {
			assertThatThrownBy(() -> ParticipantService.check(AGE, text)).as(text)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Age: '" + text.strip() + "' is not a number");
		}
	}

}
