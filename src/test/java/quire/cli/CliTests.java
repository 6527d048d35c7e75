package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import quire.QuireHome;

/** The headless commands, run in-process against a throwaway home. */
@SpringBootTest
@ActiveProfiles("cli")
class CliTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-cli"));
	}

	@Autowired
	QuireCommandLine cli;

	@TempDir
	Path files;

	record Run(int exit, String out, String err) {
	}

	Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
		return new Run(exit, out.toString(), err.toString());
	}

	Path file(String name, String content) throws IOException {
		return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
	}

	@Test
	void createImportAndSearchAProject() throws IOException {
		assertThat(run("project", "create", "--name", "CLI study").exit()).isZero();
		assertThat(run("project", "list").out()).contains("CLI study");
		Path fg = file("fg1.txt", """
				[00:00:03] Moderator: What made the MI sessions different from usual follow-up?
				[00:00:09] MI Caseworker 3: We explored the whole situation of the person on sick leave,
				not only the plan for return to work.
				""");

		Run imported = run("import", "--project", "CLI study", "--group", "Focus groups", "--language", "en",
				fg.toString());
		assertThat(imported.exit()).isZero();
		assertThat(imported.out()).contains("imported fg1.txt as 'fg1': 2 turns");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> run("search", "--project", "CLI study", "\"sick leave\"").out().contains("[sick leave]"));
		Run json = run("search", "--project", "CLI study", "--speaker", "MI Caseworker 3", "--json", "explored");
		assertThat(json.exit()).isZero();
		assertThat(json.out()).contains("\"document\" : \"fg1\"", "\"speaker\" : \"MI Caseworker 3\"",
				"\"hit\" : \"explored\"", "\"turn\" : 1");
	}

	@Test
	void rejectedFilesAreNamedAndTheExitStatusIsNonZero() throws IOException {
		run("project", "create", "--name", "Rejects");
		Path good = file("ok.txt", "Moderator: Hello there.\nMI Caseworker 1: Hello.");
		Path empty = file("empty.txt", "");
		Path pptx = file("slides.pptx", "x");

		Run result = run("import", "--project", "Rejects", good.toString(), empty.toString(), pptx.toString(),
				files.resolve("missing.txt").toString());

		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).contains("imported ok.txt");
		assertThat(result.err()).contains("rejected empty.txt: the file is empty")
			.contains("rejected slides.pptx: unsupported file type")
			.contains("rejected missing.txt: no such file");
	}

	@Test
	void unknownProjectIsAClearError() {
		Run result = run("search", "--project", "Nope", "workload");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("error: no project named 'Nope'");
	}

}
