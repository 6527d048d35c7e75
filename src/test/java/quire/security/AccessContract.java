package quire.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import quire.coding.CodeDraft;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.ImportRequest;
import quire.corpus.Language;
import quire.project.AuditEntry;
import quire.project.AuditLog;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.project.ProjectService;
import quire.search.CrossProjectSearch;
import quire.search.ProjectHits;
import quire.search.SearchRequest;
import quire.search.SearchService;

/**
 * Users, roles and the audit log, run against H2 and PostgreSQL: a person sees and changes only
 * what their role in a project allows, and a search across projects never touches a project they
 * do not belong to.
 */
abstract class AccessContract {

	static final String TRANSCRIPT = """
			[00:00:05] Moderator: How did the workload change after the MI training?
			[00:00:12] MI Caseworker 1: The workload grew, but the conversations were better.
			""";

	static final String PASSWORD = "correct horse battery";

	@Autowired
	UserService users;

	@Autowired
	Actors actors;

	@Autowired
	ProjectService projects;

	@Autowired
	ProjectAccess access;

	@Autowired
	AuditLog audit;

	@Autowired
	CorpusService corpus;

	@Autowired
	CodebookService codebook;

	@Autowired
	CodingService codings;

	@Autowired
	SearchService search;

	@Autowired
	quire.nlp.DeidentificationService deid;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	String tag;

	UserAccount owner;

	UserAccount coder;

	UserAccount viewer;

	UserAccount outsider;

	Project project;

	@BeforeEach
	void team() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		owner = users.create("owner-" + tag, "Olga Owner", PASSWORD, false);
		coder = users.create("coder-" + tag, "Carl Coder", PASSWORD, false);
		viewer = users.create("viewer-" + tag, "Vera Viewer", PASSWORD, false);
		outsider = users.create("outsider-" + tag, "Otto Outsider", PASSWORD, false);
		project = actors.callAs(owner, () -> projects.create("Access " + tag, ""));
		actors.runAs(owner, () -> {
			access.grant(project.id(), coder.username(), ProjectRole.CODER);
			access.grant(project.id(), viewer.username(), ProjectRole.VIEWER);
		});
	}

	DocumentSummary importAs(UserAccount user, Project into, String name) {
		DocumentSummary d = actors.callAs(user, () -> corpus.importDocument(into.id(),
				new ImportRequest(name + ".txt", (TRANSCRIPT + tag + " " + name).getBytes(StandardCharsets.UTF_8), null,
						Language.ENGLISH)))
			.document();
		// The index follows the import asynchronously (through the event publication registry).
		long turns = corpus.documents(into.id()).stream().mapToLong(DocumentSummary::turnCount).sum();
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
			.until(() -> search.indexedTurns(into.id()) == turns);
		return d;
	}

	/**
	 * A page's background task (the agreement page's computation) reads as the signed-in user: a thread
	 * without a user would act as the local administrator and read every project.
	 */
	@Test
	void aBackgroundTaskCarriesTheSignedInUserAlong() {
		var carried = actors.callAs(outsider, () -> java.util.concurrent.CompletableFuture
			.supplyAsync(Actors.asCurrent(() -> access.role(project.id()))).join());
		assertThat(carried).isEmpty();
		var bare = actors.callAs(outsider, () -> java.util.concurrent.CompletableFuture
			.supplyAsync(() -> access.role(project.id())).join());
		assertThat(bare).as("without it the task is the local administrator").contains(ProjectRole.OWNER);
	}

	@Test
	void passwordsAreStoredAsBcryptHashesAndChecked() {
		String hash = jdbc.sql("select password_hash from app_user where id = ?").param(owner.id().value())
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
		assertThat(users.authenticate(owner.username(), PASSWORD)).isPresent();
		assertThat(users.authenticate(owner.username(), "wrong password!")).isEmpty();
		assertThatThrownBy(() -> users.create("short-" + tag, "", "tooshort", false))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 characters");
	}

	@Test
	void onlyAdministratorsCreateAccounts() {
		assertThatThrownBy(() -> actors.runAs(owner, () -> users.create("x-" + tag, "", PASSWORD, false)))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("administrator");
	}

	@Test
	void theCreatorOwnsTheProjectAndRolesAreAsGranted() {
		assertThat(actors.callAs(owner, () -> access.role(project.id()))).contains(ProjectRole.OWNER);
		assertThat(actors.callAs(coder, () -> access.role(project.id()))).contains(ProjectRole.CODER);
		assertThat(actors.callAs(viewer, () -> access.role(project.id()))).contains(ProjectRole.VIEWER);
		assertThat(actors.callAs(outsider, () -> access.role(project.id()))).isEmpty();
	}

	@Test
	void aUserSeesOnlyTheirProjects() {
		assertThat(actors.callAs(viewer, () -> projects.list())).extracting(Project::name).contains(project.name());
		assertThat(actors.callAs(outsider, () -> projects.list())).extracting(Project::name)
			.doesNotContain(project.name());
		assertThat(actors.callAs(outsider, () -> projects.find(project.id()))).isEmpty();
		assertThat(actors.callAs(outsider, () -> projects.findByName(project.name()))).isEmpty();
	}

	@Test
	void viewersReadButDoNotChange() {
		DocumentSummary doc = importAs(coder, project, "fg1");
		var code = actors.callAs(coder, () -> codebook.create(project.id(), null, CodeDraft.named("Workload", "#3366CC")));

		assertThatThrownBy(() -> importAs(viewer, project, "fg2")).isInstanceOf(AccessRefusedException.class)
			.hasMessage("This needs the coder role in this project; you are a viewer.");
		assertThatThrownBy(() -> actors.runAs(viewer, () -> codings.code(doc.id(), code.id(), 0, 10, "vera")))
			.isInstanceOf(AccessRefusedException.class);
		assertThatThrownBy(() -> actors.runAs(coder, () -> corpus.delete(doc.id())))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("owner role");
		assertThat(corpus.documents(project.id())).hasSize(1);
		assertThat(actors.callAs(viewer, () -> search.search(SearchRequest.of(project.id(), "workload")).totalHits()))
			.isEqualTo(2);
	}

	@Test
	void outsidersCannotSearchOrChangeAProject() {
		DocumentSummary doc = importAs(coder, project, "fg1");
		var code = actors.callAs(coder, () -> codebook.create(project.id(), null, CodeDraft.named("Workload", "#3366CC")));
		// Opening another project's transcript or code by its id (a guessed URL) finds nothing.
		assertThat(actors.callAs(outsider, () -> corpus.transcript(doc.id()))).isEmpty();
		assertThat(actors.callAs(outsider, () -> codebook.code(code.id()))).isEmpty();
		assertThat(actors.callAs(viewer, () -> corpus.transcript(doc.id()))).isPresent();
		assertThatThrownBy(() -> actors.runAs(outsider, () -> search.search(SearchRequest.of(project.id(), "workload"))))
			.isInstanceOf(AccessRefusedException.class).hasMessage("You are not a member of this project.");
		assertThatThrownBy(() -> importAs(outsider, project, "fg3")).isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aProjectKeepsAnOwnerAndOnlyOwnersManageMembers() {
		assertThatThrownBy(() -> actors.runAs(owner, () -> access.grant(project.id(), owner.username(), ProjectRole.CODER)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only owner");
		assertThatThrownBy(() -> actors.runAs(coder, () -> access.grant(project.id(), outsider.username(), ProjectRole.VIEWER)))
			.isInstanceOf(AccessRefusedException.class);
		actors.runAs(owner, () -> access.revoke(project.id(), viewer.username()));
		assertThat(actors.callAs(viewer, () -> access.role(project.id()))).isEmpty();
	}

	@Test
	void theAuditLogRecordsWhoDidWhatAndOnlyOwnersReadIt() {
		DocumentSummary doc = importAs(coder, project, "fg1");
		var code = actors.callAs(coder, () -> codebook.create(project.id(), null, CodeDraft.named("Workload", "#3366CC")));
		actors.runAs(coder, () -> codings.code(doc.id(), code.id(), 0, 10, "carl"));
		actors.runAs(owner, () -> corpus.delete(doc.id()));

		var entries = actors.callAs(owner, () -> audit.entries(project.id(), 100));
		assertThat(entries).extracting(AuditEntry::actor, AuditEntry::action)
			.contains(org.assertj.core.groups.Tuple.tuple(coder.username(), "import"),
					org.assertj.core.groups.Tuple.tuple(coder.username(), "code"),
					org.assertj.core.groups.Tuple.tuple(owner.username(), "delete"),
					org.assertj.core.groups.Tuple.tuple(owner.username(), "member"));
		assertThat(actors.callAs(owner, () -> audit.csv(project.id()))).startsWith("time (UTC),who,action,what")
			.contains("fg1");
		assertThatThrownBy(() -> actors.runAs(coder, () -> audit.entries(project.id(), 10)))
			.isInstanceOf(AccessRefusedException.class);
	}

	@Test
	void aRefusedChangeLeavesNoAuditEntry() {
		long before = jdbc.sql("select count(*) from audit_event where project_id = ?").param(project.id().value())
			.query(Long.class).single();
		assertThatThrownBy(() -> importAs(viewer, project, "fg2")).isInstanceOf(AccessRefusedException.class);
		assertThat(jdbc.sql("select count(*) from audit_event where project_id = ?").param(project.id().value())
			.query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void searchAcrossProjectsNeverTouchesAProjectTheUserIsNotIn() {
		Project other = actors.callAs(outsider, () -> projects.create("Secret " + tag, ""));
		Project third = actors.callAs(owner, () -> projects.create("Third " + tag, ""));
		importAs(coder, project, "fg1");
		importAs(outsider, other, "secret1");
		importAs(outsider, other, "secret2");
		importAs(owner, third, "t1");

		var forViewer = actors.callAs(viewer, () -> search.searchAll(CrossProjectSearch.of("workload")));
		assertThat(forViewer).extracting(h -> h.project().name()).containsExactly(project.name());
		assertThat(forViewer.get(0).result().totalHits()).isEqualTo(2);

		var forOwner = actors.callAs(owner, () -> search.searchAll(CrossProjectSearch.of("workload")));
		assertThat(forOwner).extracting(h -> h.project().name()).containsExactlyInAnyOrder(project.name(), third.name());
		assertThat(forOwner).flatExtracting(h -> h.result().hits()).extracting(h -> h.documentName())
			.doesNotContain("secret1", "secret2");

		var onlyThird = actors.callAs(owner, () -> search.searchAll(new CrossProjectSearch("workload", null, null,
				java.util.List.of(), java.util.List.of(), null, java.util.Set.of(third.id()), 100)));
		assertThat(onlyThird).extracting(ProjectHits::project).extracting(Project::name).containsExactly(third.name());

		var forStranger = actors.callAs(users.create("nobody-" + tag, "", PASSWORD, false),
				() -> search.searchAll(CrossProjectSearch.of("workload")));
		assertThat(forStranger).isEmpty();
	}

	@Test
	void onlyCodersDeidentifyAndOnlyOwnersReadThePseudonymKey() {
		DocumentSummary doc = importAs(coder, project, "fg1");
		assertThatThrownBy(() -> actors.runAs(viewer, () -> deid.preview(doc.id(), p -> {
		}))).isInstanceOf(AccessRefusedException.class).hasMessageContaining("coder role");
		assertThat(actors.callAs(coder, () -> deid.preview(doc.id(), p -> {
		}))).isNotNull();
		assertThatThrownBy(() -> actors.runAs(coder, () -> deid.key(project.id())))
			.isInstanceOf(AccessRefusedException.class).hasMessageContaining("owner role");
		assertThat(actors.callAs(owner, () -> deid.key(project.id()))).isNotNull();
		assertThatThrownBy(() -> actors.runAs(outsider, () -> deid.preview(doc.id(), p -> {
		}))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no document");
	}

	@Test
	void theFirstAdministratorReceivesProjectsWithoutOwner() {
		// A project made by server code before any administrator exists has no owner yet.
		Project orphan = projects.create("Orphan " + tag, "");
		jdbc.sql("delete from project_member where project_id = ?").param(orphan.id().value()).update();
		events.publishEvent(new FirstAdminCreated(owner.id(), owner.username()));
		assertThat(actors.callAs(owner, () -> access.role(orphan.id()))).contains(ProjectRole.OWNER);
	}

}
