package quire.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import quire.coding.internal.qdc.QdcCode;
import quire.coding.internal.qdc.QdcCodebook;
import quire.coding.internal.qdc.QdcReader;

/** The shipped MITI 4.2.1 codebook {@code codebooks/miti-4.2.1.qdc}. */
final class MitiCodebookTests {

	private static final Path FILE = Path.of("codebooks", "miti-4.2.1.qdc");

	private static final Pattern UUID4 = Pattern
			.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

	@Test
	void holdsTheTenBehavioursUnderOneGroupingCode() throws IOException {
		String raw = Files.readString(FILE);
		QdcCodebook book;
		try (InputStream in = Files.newInputStream(FILE)) {
			book = QdcReader.read(FILE.getFileName().toString(), in);
		}

		assertThat(book.origin()).isEqualTo("Quire");
		assertThat(raw).contains("xmlns=\"urn:QDA-XML:codebook:1.0\"");
		assertThat(book.codes()).singleElement().satisfies(top -> {
			assertThat(top.name()).isEqualTo("MITI 4.2.1 behaviour codes");
			assertThat(top.codable()).isFalse();
		});
		List<QdcCode> children = book.codes().get(0).children();
		assertThat(children).extracting(QdcCode::name).containsExactly("Giving Information (GI)",
				"Persuade (Persuade)", "Persuade with Permission (PwP)", "Question (Q)", "Simple Reflection (SR)",
				"Complex Reflection (CR)", "Affirm (AF)", "Seeking Collaboration (Seek)",
				"Emphasizing Autonomy (Emph)", "Confront (Confront)");
		for (int i = 0; i < children.size(); i++) {
			Behaviour b = Behaviour.values()[i];
			assertThat(children.get(i).name()).isEqualTo(b.label() + " (" + b.shortName() + ")");
		}
		Set<String> colours = new HashSet<>();
		for (QdcCode code : book.allCodes()) {
			assertThat(code.guid()).matches(UUID4);
			assertThat(raw).contains("guid=\"" + code.guid() + "\""); // written in lower case
			assertThat(colours.add(code.color())).as("colour of " + code.name() + " is distinct").isTrue();
			String description = code.description();
			assertThat(description).isNotNull();
			String[] parts = description.split("\n\n", 2);
			assertThat(parts).as(code.name()).hasSize(2);
			assertThat(parts[0]).isNotBlank().doesNotContain("\n");
			String[] lines = parts[1].split("\n");
			assertThat(lines).hasSize(3);
			assertThat(lines[0]).startsWith("Include: ");
			assertThat(lines[1]).startsWith("Exclude: ");
			assertThat(lines[2]).startsWith("Example: ");
		}
		assertThat(book.allCodes()).hasSize(11);
	}

}
