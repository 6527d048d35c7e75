package quire.project;

import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import quire.security.AccessRefusedException;
import quire.security.Actor;
import quire.security.Actors;
import quire.security.FirstAdminCreated;
import quire.security.UserAccount;
import quire.security.UserId;
import quire.security.UserService;

/**
 * Who may do what in which project. Every service that reads or changes a project's data asks
 * {@link #require}; views and commands ask {@link #can} to show only what the person may use. The
 * local administrator of a command-line run (and server code with no signed-in user) may do
 * everything; a signed-in user has exactly the role their membership gives, and no role in projects
 * they do not belong to.
 */
@Service
@Transactional(readOnly = true)
public class ProjectAccess {

	private final JdbcClient jdbc;

	private final Actors actors;

	private final UserService users;

	private final AuditLog audit;

	ProjectAccess(JdbcClient jdbc, Actors actors, UserService users, AuditLog audit) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.users = users;
		this.audit = audit;
	}

	/** The current actor's role in a project, if any. */
	public Optional<ProjectRole> role(ProjectId project) {
		return switch (actors.current()) {
			case Actor.Local l -> Optional.of(ProjectRole.OWNER);
			case Actor.Nobody n -> Optional.empty();
			case Actor.User u -> roleOf(u.id(), project);
		};
	}

	public boolean can(ProjectId project, ProjectRole needed) {
		return role(project).map(r -> r.includes(needed)).orElse(false);
	}

	/**
	 * @throws AccessRefusedException unless the current actor has at least {@code needed} in the
	 * project; the message names the role needed
	 */
	public void require(ProjectId project, ProjectRole needed) {
		Optional<ProjectRole> role = role(project);
		if (role.isEmpty()) {
			throw new AccessRefusedException("You are not a member of this project.");
		}
		if (!role.get().includes(needed)) {
			throw new AccessRefusedException("This needs the " + needed.label() + " role in this project; you are a "
					+ role.get().label() + ".");
		}
	}

	/** The ids of the projects the current actor may read; {@code null} stands for "all" (local administrator). */
	List<Long> readableIds() {
		return switch (actors.current()) {
			case Actor.Local l -> null;
			case Actor.Nobody n -> List.of();
			case Actor.User u -> jdbc.sql("select project_id from project_member where user_id = ?")
				.param(u.id().value())
				.query(Long.class)
				.list();
		};
	}

	public List<Member> members(ProjectId project) {
		require(project, ProjectRole.VIEWER);
		// accounts belong to the security module: asked for, not joined
		java.util.Map<UserId, UserAccount> accounts = new java.util.HashMap<>();
		users.list().forEach(u -> accounts.put(u.id(), u));
		return jdbc.sql("select user_id, role from project_member where project_id = ?")
			.param(project.value())
			.query((rs, n) -> {
				UserAccount u = java.util.Objects.requireNonNull(accounts.get(new UserId(rs.getLong("user_id"))));
				return new Member(u.id(), u.username(), u.displayName(), ProjectRole.valueOf(rs.getString("role")));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(Member::role).thenComparing(m -> m.username().toLowerCase()))
			.toList();
	}

	/**
	 * Gives a user a role in a project (adding them, or changing their role). Owners only; a project
	 * keeps at least one owner.
	 */
	@Transactional
	public Member grant(ProjectId project, String username, ProjectRole role) {
		require(project, ProjectRole.OWNER);
		UserAccount user = users.require(username);
		Optional<ProjectRole> before = roleOf(user.id(), project);
		if (before.isPresent() && before.get() == ProjectRole.OWNER && role != ProjectRole.OWNER && owners(project) == 1) {
			throw new IllegalArgumentException("'" + user.username() + "' is the project's only owner; make someone "
					+ "else owner first");
		}
		jdbc.sql("delete from project_member where project_id = ? and user_id = ?")
			.params(project.value(), user.id().value())
			.update();
		insert(project, user.id(), role);
		audit.record(project, "member", user.username() + " is now " + role.label()
				+ before.map(r -> " (was " + r.label() + ")").orElse(""));
		return new Member(user.id(), user.username(), user.displayName(), role);
	}

	/** Removes a member. Owners only; the last owner stays. */
	@Transactional
	public void revoke(ProjectId project, String username) {
		require(project, ProjectRole.OWNER);
		UserAccount user = users.require(username);
		Optional<ProjectRole> before = roleOf(user.id(), project);
		if (before.isEmpty()) {
			throw new IllegalArgumentException("'" + user.username() + "' is not a member of this project");
		}
		if (before.get() == ProjectRole.OWNER && owners(project) == 1) {
			throw new IllegalArgumentException("'" + user.username() + "' is the project's only owner and stays");
		}
		jdbc.sql("delete from project_member where project_id = ? and user_id = ?")
			.params(project.value(), user.id().value())
			.update();
		audit.record(project, "member", user.username() + " removed (was " + before.get().label() + ")");
	}

	/** A new project belongs to the user who created it; one created by server code to the first administrator. */
	@EventListener
	@Transactional
	void on(ProjectCreated event) {
		switch (actors.current()) {
			case Actor.User u -> insert(event.projectId(), u.id(), ProjectRole.OWNER);
			case Actor.Local l -> firstAdmin().ifPresent(admin -> insert(event.projectId(), admin, ProjectRole.OWNER));
			case Actor.Nobody n -> throw new AccessRefusedException("Sign in to create a project.");
		}
	}

	/** Projects made before any account existed (the demo project) become the first administrator's. */
	@EventListener
	@Transactional
	void on(FirstAdminCreated event) {
		jdbc.sql("insert into project_member (project_id, user_id, role) select p.id, ?, 'OWNER' from project p "
				+ "where not exists (select 1 from project_member m where m.project_id = p.id and m.role = 'OWNER')")
			.param(event.userId().value())
			.update();
	}

	private Optional<UserId> firstAdmin() {
		return users.list().stream().filter(UserAccount::admin).map(UserAccount::id)
			.min(java.util.Comparator.comparingLong(UserId::value));
	}

	private Optional<ProjectRole> roleOf(UserId user, ProjectId project) {
		return jdbc.sql("select role from project_member where project_id = ? and user_id = ?")
			.params(project.value(), user.value())
			.query(String.class)
			.optional()
			.map(ProjectRole::valueOf);
	}

	private long owners(ProjectId project) {
		return jdbc.sql("select count(*) from project_member where project_id = ? and role = 'OWNER'")
			.param(project.value())
			.query(Long.class)
			.single();
	}

	private void insert(ProjectId project, UserId user, ProjectRole role) {
		jdbc.sql("insert into project_member (project_id, user_id, role) values (?, ?, ?)")
			.params(project.value(), user.value(), role.name())
			.update();
	}

}
