package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How {@code shell} splits a script line into arguments: as a POSIX shell would, without expansions. */
class ShellWordsTests {

	@Test
	void whiteSpaceSeparatesAndQuotesKeepIt() {
		assertThat(ShellCommand.words("  search --project \"Demo: MI return-to-work study\"   --json 'sick leave'  "))
			.containsExactly("search", "--project", "Demo: MI return-to-work study", "--json", "sick leave");
	}

	@Test
	void quotesJoinTheWordAroundThemAndEscapesAreTaken() {
		assertThat(ShellCommand.words("--name=\"RTW focus\"' groups' a\\ b \"say \\\"hi\\\" \\\\ \\n\" '\\x'"))
			.containsExactly("--name=RTW focus groups", "a b", "say \"hi\" \\ \\n", "\\x");
		assertThat(ShellCommand.words("search '\"ask permission\"~3'")).containsExactly("search", "\"ask permission\"~3");
		assertThat(ShellCommand.words("a \"\" ''")).containsExactly("a", "", "");
	}

	@Test
	void anUnclosedQuoteIsRefusedNamingTheLine() {
		assertThatThrownBy(() -> ShellCommand.words("search --project 'Demo"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("unclosed ' in: search --project 'Demo");
		assertThatThrownBy(() -> ShellCommand.words("search \"Demo")).hasMessage("unclosed \" in: search \"Demo");
	}

}
