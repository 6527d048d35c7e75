package quire.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, finds and deletes research projects. Lists and look-ups show only the projects
 * the current actor belongs to ({@link ProjectAccess}); the creator of a project becomes its owner.
 */
@Service
@Transactional(readOnly = true)
public class ProjectService {

	static final int MAX_NAME_LENGTH = 200;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final JdbcTemplate metadata;

	/** The lock clause of {@link #lockForChanges}, found once from the database. */
	private volatile @Nullable String lockClause;

	ProjectService(JdbcClient jdbc, JdbcTemplate metadata, ApplicationEventPublisher events, ProjectAccess access,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.metadata = metadata;
		this.events = events;
		this.access = access;
		this.audit = audit;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Creates a project.
	 * @throws IllegalArgumentException if the name is blank, too long or already taken
	 */
	@Transactional
	public Project create(String name, String description) {
		String clean = name.strip();
		if (clean.isEmpty()) {
			throw new IllegalArgumentException("a project needs a name");
		}
		if (clean.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("a project name has at most " + MAX_NAME_LENGTH + " characters");
		}
		if (jdbc.sql("select count(*) from project where lower(name) = lower(?)").param(clean).query(Long.class).single() > 0) {
			throw new IllegalArgumentException("a project named '" + clean + "' already exists");
		}
		Instant now = clock.instant();
		var keys = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into project (name, description, created_at) values (?, ?, ?)")
				.params(clean, description.strip(), Timestamp.from(now))
				.update(keys, "id");
		}
		catch (DuplicateKeyException ex) {
			throw new IllegalArgumentException("a project named '" + clean + "' already exists", ex);
		}
		Project project = new Project(new ProjectId(keys.getKeyAs(Number.class).longValue()), clean,
				description.strip(), now);
		events.publishEvent(new ProjectCreated(project.id(), project.name()));
		audit.record(project.id(), "create", "project '" + clean + "'");
		return project;
	}

	/**
	 * Deletes a project with everything in it (documents, codings, memos, MITI, questionnaires,
	 * members, audit log). Owners only.
	 */
	@Transactional
	public void delete(ProjectId id) {
		access.require(id, ProjectRole.OWNER);
		Project project = find(id).orElseThrow(() -> new IllegalArgumentException("no project with id " + id.value()));
		jdbc.sql("delete from project where id = ?").param(id.value()).update();
		events.publishEvent(new ProjectDeleted(id, project.name()));
	}

	/** The projects the current actor may read, by name. */
	public List<Project> list() {
		List<Long> readable = access.readableIds();
		return jdbc.sql("select id, name, description, created_at from project order by lower(name)")
			.query(ProjectService::map)
			.list()
			.stream()
			.filter(p -> readable == null || readable.contains(p.id().value()))
			.toList();
	}

	/** A project the current actor may read. */
	public Optional<Project> find(ProjectId id) {
		return findAny(id).filter(p -> access.can(p.id(), ProjectRole.VIEWER));
	}

	/** A project the current actor may read, by name (case-insensitive). */
	public Optional<Project> findByName(String name) {
		return jdbc.sql("select id, name, description, created_at from project where lower(name) = lower(?)")
			.param(name.strip())
			.query(ProjectService::map)
			.optional()
			.filter(p -> access.can(p.id(), ProjectRole.VIEWER));
	}

	private Optional<Project> findAny(ProjectId id) {
		return jdbc.sql("select id, name, description, created_at from project where id = ?")
			.param(id.value())
			.query(ProjectService::map)
			.optional();
	}

	/** Finds a project by name, or explains that there is none. */
	public Project require(String name) {
		return findByName(name).orElseThrow(() -> new IllegalArgumentException("no project named '" + name
				+ "'; known projects: " + String.join(", ", list().stream().map(Project::name).toList())));
	}

	/**
	 * Locks the project's row until the caller's transaction ends, so that changes that look for what
	 * a project holds and insert what they do not find take turns within the project (two uploads at
	 * once both inserted the participant "Interviewer"; ApiCrashRecoveryTests). Other projects are not
	 * held up. No access check: the caller has made its own.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a transaction
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockForChanges(ProjectId id) {
		jdbc.sql("select id from project where id = ? " + lockClause()).param(id.value()).query(Long.class).optional();
	}

	/**
	 * {@code for update} on H2; on PostgreSQL {@code for no key update}, which does not block the
	 * key-share locks that inserts elsewhere take on the project row for their foreign keys (a coding
	 * or an audit entry in the same project need not wait for an import).
	 */
	private String lockClause() {
		String lock = lockClause;
		if (lock == null) {
			String product = Objects.requireNonNull(metadata.execute(
					(java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
			lock = product.toLowerCase(Locale.ROOT).contains("postgres") ? "for no key update" : "for update";
			lockClause = lock;
		}
		return lock;
	}

	/** True if no project exists at all (whoever may read it). */
	public boolean isEmpty() {
		return jdbc.sql("select count(*) from project").query(Long.class).single() == 0;
	}

	private static Project map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Project(new ProjectId(rs.getLong("id")), rs.getString("name"), rs.getString("description"),
				rs.getTimestamp("created_at").toInstant());
	}

}
