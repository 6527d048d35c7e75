package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The {@code words} and {@code deidentify} commands, run in-process against a throwaway home. */
@SpringBootTest
@ActiveProfiles("cli")
class NlpCliTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-nlp-cli"));
	}

	@Autowired
	QuireCommandLine cli;

	@TempDir
	Path files;


	CliRun run(String... args) {
		return CliRun.of(cli, args);
	}

	void importInto(String project, String name, String text, String language) throws IOException {
		Path file = Files.writeString(files.resolve(name), text, StandardCharsets.UTF_8);
		run("project", "create", "--name", project);
		CliRun imported = run("import", "--project", project, "--group", "Interviews", "--language", language, file.toString());
		assertThat(imported.exit()).as(imported.err()).isZero();
	}

	@Test
	void wordsListsCountsAndPercentagesOrJson() throws IOException {
		importInto("Words", "w.txt", """
				Intervjuer: Hvordan var jobben?
				Kari: Jobben var fin, og jobben ga meg glede.
				Intervjuer: Og sjefen?
				Kari: Sjefen var grei.
				""", "no");
		CliRun text = run("words", "--project", "Words", "--group", "Interviews", "--top", "2");
		assertThat(text.exit()).as(text.err()).isZero();
		assertThat(text.out()).contains("words counted in 1 document of the qualitative strand in group 'Interviews' (1 individual interview) (Norwegian by Snowball stem)")
			.containsPattern("jobben\\s+3\\s+\\d+\\.\\d\\d%");
		CliRun json = run("words", "--project", "Words", "--speaker", "Kari", "--json");
		assertThat(json.out()).contains("\"word\" : \"jobben\"", "\"count\" : 2", "\"percent\"");
		CliRun bad = run("words", "--project", "Words", "--code", "Nope");
		assertThat(bad.exit()).isEqualTo(2);
		assertThat(bad.err()).startsWith("error: no code named 'Nope'");
	}

	@Test
	void wordsCountTheQualitativeStrandUnlessToldAll() throws IOException {
		run("project", "create", "--name", "Strands");
		Path focus = Files.writeString(files.resolve("fokusgruppe-1.txt"), """
				Moderator: Hvordan var jobben?
				Kari: Jobben var tung.
				Ola: Jobben var fin.
				Moderator: Og lederen?
				Kari: Lederen var grei.
				Ola: Lederen var borte.
				""", StandardCharsets.UTF_8);
		Path session = Files.writeString(files.resolve("mi-samtale-1.txt"), """
				Veileder: Hva gjør alkoholen for deg?
				Klient: Alkoholen hjelper meg å sove.
				Veileder: Og ellers?
				Klient: Alkoholen gjør meg rolig.
				""", StandardCharsets.UTF_8);
		assertThat(run("import", "--project", "Strands", "--group", "Fokusgrupper", "--language", "no", focus.toString()).exit())
			.isZero();
		assertThat(run("import", "--project", "Strands", "--group", "MI sessions", "--language", "no", session.toString()).exit())
			.isZero();
		CliRun byDefault = run("words", "--project", "Strands");
		assertThat(byDefault.exit()).as(byDefault.err()).isZero();
		assertThat(byDefault.out()).contains("words counted in 1 document of the qualitative strand (1 focus group)")
			.contains("jobben")
			.doesNotContain("alkoholen");
		CliRun all = run("words", "--project", "Strands", "--strand", "all");
		assertThat(all.out())
			.contains("words counted in 2 documents, all strands pooled (1 focus group, 1 counselling session (MI))")
			.contains("alkoholen");
		CliRun sessions = run("words", "--project", "Strands", "--strand", "sessions", "--json");
		assertThat(sessions.out()).contains("\"strand\" : \"fidelity\"", "\"documents\" : 1",
				"\"computedOver\" : \"1 document of the fidelity strand (1 counselling session (MI))\"");
		assertThat(run("words", "--project", "Strands", "--strand", "all", "--json").out()).contains("\"strand\" : \"all\"",
				"\"documents\" : 2");
		CliRun bad = run("words", "--project", "Strands", "--strand", "surveys");
		assertThat(bad.exit()).isEqualTo(2);
		assertThat(bad.err()).startsWith("error: unknown strand 'surveys': use qualitative, sessions or all");
	}

	@Test
	void deidentifyPreviewsThenApplies() throws IOException {
		importInto("Deid", "d.txt", """
				Intervjuer: Hvordan gikk det i Trondheim?
				Kari: Bra. Anna ringte meg på 926 41 377.
				Intervjuer: Og så?
				Kari: Så møtte jeg Anna igjen.
				""", "no");
		CliRun preview = run("deidentify", "--project", "Deid", "--document", "d", "--preview");
		assertThat(preview.exit()).as(preview.err()).isZero();
		assertThat(preview.out()).containsPattern("Anna\\s+\\[Person 1]\\s+2x").contains("Trondheim", "[Town 1]", "926 41 377");
		assertThat(preview.err()).contains("no Norwegian models");
		CliRun apply = run("deidentify", "--project", "Deid", "--document", "d", "--apply", "--skip", "Trondheim");
		assertThat(apply.exit()).as(apply.err()).isZero();
		assertThat(apply.out()).contains("created 'd (de-identified)'")
			.as("the residual check lists what the review left in").contains("RESIDUAL CHECK", "Trondheim");
		CliRun check = run("deidentify", "--project", "Deid", "--document", "d (de-identified)", "--check");
		assertThat(check.exit()).as("a copy with something left in fails the check").isEqualTo(3);
		assertThat(check.out()).contains("Trondheim").doesNotContain("Anna");
		CliRun again = run("deidentify", "--project", "Deid", "--document", "d (de-identified)", "--preview", "--json");
		assertThat(again.out()).contains("\"surface\" : \"Trondheim\"").doesNotContain("\"surface\" : \"Anna\"");
		CliRun key = run("deidentify", "--project", "Deid", "--key");
		assertThat(key.out()).contains("[Person 1]\tAnna\tperson").doesNotContain("Trondheim");
		assertThat(key.err()).contains("keep it with the project's owners");
		CliRun both = run("deidentify", "--project", "Deid", "--document", "d", "--preview", "--apply");
		assertThat(both.exit()).isEqualTo(2);
	}

}
