package quire.project;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, lists and finds research projects. */
@Service
@Transactional(readOnly = true)
public class ProjectService {

	static final int MAX_NAME_LENGTH = 200;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProjectService(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
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
		if (findByName(clean).isPresent()) {
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
		return project;
	}

	public List<Project> list() {
		return jdbc.sql("select id, name, description, created_at from project order by lower(name)")
			.query(ProjectService::map)
			.list();
	}

	public Optional<Project> find(ProjectId id) {
		return jdbc.sql("select id, name, description, created_at from project where id = ?")
			.param(id.value())
			.query(ProjectService::map)
			.optional();
	}

	public Optional<Project> findByName(String name) {
		return jdbc.sql("select id, name, description, created_at from project where lower(name) = lower(?)")
			.param(name.strip())
			.query(ProjectService::map)
			.optional();
	}

	/** Finds a project by name, or explains that there is none. */
	public Project require(String name) {
		return findByName(name).orElseThrow(() -> new IllegalArgumentException("no project named '" + name
				+ "'; known projects: " + String.join(", ", list().stream().map(Project::name).toList())));
	}

	public boolean isEmpty() {
		return jdbc.sql("select count(*) from project").query(Long.class).single() == 0;
	}

	private static Project map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Project(new ProjectId(rs.getLong("id")), rs.getString("name"), rs.getString("description"),
				rs.getTimestamp("created_at").toInstant());
	}

}
