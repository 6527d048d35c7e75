package quire.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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

/**
 * Teams from the command line: accounts, members, {@code --user}, search across projects, the
 * audit log, backup and restore, and {@code index rebuild}.
 */
@SpringBootTest
@ActiveProfiles("cli")
class TeamCliTests {

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		QuireHome.register(registry, QuireHome.create("quire-team-cli"));
	}

	@Autowired
	QuireCommandLine cli;

	@TempDir
	Path files;


	CliRun run(String... args) {
		return CliRun.of(cli, args);
	}

	Path file(String name, String content) throws IOException {
		return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
	}

	@Test
	void membersRolesAuditAndSearchAcrossProjects() throws IOException {
		assertThat(run("user", "add", "ann", "--name", "Ann Alvestad", "--password", "ann-password-1").exit()).isZero();
		assertThat(run("user", "add", "ben", "--password", "ben-password-1").exit()).isZero();
		assertThat(run("user", "add", "ben", "--password", "ben-password-1").err()).contains("already exists");
		assertThat(run("user", "list").out()).contains("ann\tAnn Alvestad").contains("ben");

		assertThat(run("--user", "ann", "project", "create", "--name", "Ann's study").exit()).isZero();
		assertThat(run("--user", "ben", "project", "create", "--name", "Ben's study").exit()).isZero();
		Path a = file("a.txt", "Moderator: How was the workload?\nMI Caseworker 1: The workload was heavy.\n");
		Path b = file("b.txt", "Moderator: Any secrets?\nMI Caseworker 2: The workload is a secret here.\n");
		assertThat(run("--user", "ann", "import", "--project", "Ann's study", a.toString()).exit()).isZero();
		assertThat(run("--user", "ben", "import", "--project", "Ben's study", b.toString()).exit()).isZero();

		CliRun refused = run("--user", "ann", "import", "--project", "Ben's study", a.toString());
		assertThat(refused.exit()).isNotZero();
		assertThat(refused.err()).contains("no project named 'Ben's study'");
		assertThat(run("--user", "ann", "project", "list").out()).contains("Ann's study").doesNotContain("Ben's study");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> run("search", "--all-projects", "workload").out().contains("== Ben's study"));
		CliRun mine = run("--user", "ann", "search", "--all-projects", "--json", "workload");
		assertThat(mine.exit()).as(mine.err()).isZero();
		assertThat(mine.out()).contains("\"project\" : \"Ann's study\"").doesNotContain("Ben's study")
			.doesNotContain("secret").contains("\"totalHits\" : 2");

		assertThat(run("--user", "ben", "member", "add", "--project", "Ben's study", "--member", "ann", "--role", "viewer")
			.exit()).isZero();
		CliRun shared = run("--user", "ann", "search", "--all-projects", "workload");
		assertThat(shared.out()).contains("== Ann's study: 2 hits").contains("== Ben's study: 1 hits");
		CliRun viewerImport = run("--user", "ann", "import", "--project", "Ben's study", a.toString());
		assertThat(viewerImport.err()).contains("needs the coder role");
		assertThat(run("--user", "ann", "member", "list", "--project", "Ben's study").out()).contains("ben\towner")
			.contains("ann\tviewer");

		CliRun audit = run("--user", "ben", "audit", "--project", "Ben's study");
		assertThat(audit.out()).contains("ben\tcreate\tproject 'Ben's study'").contains("ben\timport\tdocument 'b'")
			.contains("ben\tmember\tann is now viewer");
		assertThat(run("--user", "ann", "audit", "--project", "Ben's study").err()).contains("Only the project's owners");
		Path csv = files.resolve("audit.csv");
		assertThat(run("--user", "ben", "audit", "--project", "Ben's study", "--csv", csv.toString()).exit()).isZero();
		assertThat(Files.readString(csv)).startsWith("time (UTC),who,action,what").contains("document 'b'");

		assertThat(run("--user", "nobody", "project", "list").err()).contains("no active user named 'nobody'");
	}

	@Autowired
	quire.api.ApiTokenService tokens;

	@Test
	void aTokenIsCreatedForTheNamedUserAndItsSecretPrintedOnce() {
		assertThat(run("user", "add", "tess", "--password", "tess-password-1").exit()).isZero();
		CliRun made = run("--user", "tess", "token", "create", "CI examples", "--scope", "read-write");
		assertThat(made.exit()).as(made.err()).isZero();
		String secret = made.out().strip();
		assertThat(secret).startsWith("qr_").doesNotContain("\n");
		var owner = tokens.authenticate(secret).orElseThrow();
		assertThat(owner.token().name()).isEqualTo("CI examples");
		assertThat(owner.token().scope()).isEqualTo(quire.api.ApiScope.READ_WRITE);

		CliRun nobody = run("token", "create", "no user");
		assertThat(nobody.exit()).isNotZero();
		assertThat(nobody.err()).contains("give --user NAME");
		assertThat(run("--user", "tess", "token", "create", "x", "--scope", "admin").err()).contains("no token scope 'admin'");
	}

	@Test
	void backupAndRestoreBringBackTheSameProjectsAndIndex() throws IOException {
		run("project", "create", "--name", "Backed up");
		Path t = file("kept.txt", "Moderator: What helped?\nMI Caseworker 3: The summaries helped most.\n");
		assertThat(run("import", "--project", "Backed up", t.toString()).exit()).isZero();
		byte[] wav = quire.media.internal.ToneWav.tones(1500, java.util.List.of(0L), java.util.List.of(440));
		Path recording = Files.write(files.resolve("kept.wav"), wav);
		assertThat(run("media", "attach", "--project", "Backed up", "--document", "kept", recording.toString()).exit())
			.isZero();
		Path out = files.resolve("backup");
		CliRun backup = run("backup", "--out", out.toString());
		assertThat(backup.exit()).as(backup.err()).isZero();
		assertThat(backup.out()).contains("backed up").contains("document(s)");
		assertThat(run("backup", "--out", out.toString()).err()).contains("already holds a backup");

		Path later = file("later.txt", "Moderator: And later?\nMI Caseworker 3: Later came after the backup.\n");
		run("import", "--project", "Backed up", later.toString());
		assertThat(run("media", "detach", "--project", "Backed up", "--document", "kept").exit()).isZero();
		assertThat(run("media", "list", "--project", "Backed up").out()).contains("no recordings");
		CliRun restore = run("restore", "--from", out.toString());
		assertThat(restore.exit()).as(restore.err()).isZero();
		assertThat(run("media", "list", "--project", "Backed up").out()).contains("kept.wav").contains("0:01");
		try (var media = Files.walk(out.resolve("media"))) {
			assertThat(media.filter(Files::isRegularFile).toList()).singleElement()
				.satisfies(f -> assertThat(Files.readAllBytes(f)).isEqualTo(wav));
		}
		assertThat(run("search", "--project", "Backed up", "summaries").out()).contains("[summaries]");
		assertThat(run("search", "--project", "Backed up", "backup").out()).contains("no hits");
		assertThat(run("restore", "--from", files.resolve("nothing").toString()).err()).contains("holds no Quire backup");

		CliRun rebuilt = run("index", "rebuild");
		assertThat(rebuilt.exit()).isZero();
		assertThat(rebuilt.out()).contains("rebuilt the search index");
	}

}
