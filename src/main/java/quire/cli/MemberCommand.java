package quire.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.project.Member;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.project.ProjectService;

/** Project members and their roles (owners only). */
@Command(subcommands = { MemberCommand.Add.class, MemberCommand.Remove.class, MemberCommand.ListMembers.class },
		name = "member", description = "Add, remove and list a project's members.", mixinStandardHelpOptions = true)
final class MemberCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "add", description = "Give a user a role in a project (owner, coder or viewer).",
			mixinStandardHelpOptions = true)
	static final class Add implements Callable<Integer> {

		private final ProjectService projects;

		private final ProjectAccess access;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true)
		String project;

		@Option(names = "--member", required = true, description = "the user's name")
		String member;

		@Option(names = "--role", required = true, description = "owner, coder or viewer")
		String role;

		Add(ProjectService projects, ProjectAccess access) {
			this.projects = projects;
			this.access = access;
		}

		@Override
		public Integer call() {
			Member m = access.grant(Lookups.project(projects, project).id(), member, ProjectRole.parse(role));
			spec.commandLine().getOut().println(m.username() + " is " + m.role().label() + " in '" + project + "'");
			return 0;
		}

	}

	@Command(name = "remove", description = "Remove a member from a project.", mixinStandardHelpOptions = true)
	static final class Remove implements Callable<Integer> {

		private final ProjectService projects;

		private final ProjectAccess access;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true)
		String project;

		@Option(names = "--member", required = true, description = "the user's name")
		String member;

		Remove(ProjectService projects, ProjectAccess access) {
			this.projects = projects;
			this.access = access;
		}

		@Override
		public Integer call() {
			access.revoke(Lookups.project(projects, project).id(), member);
			spec.commandLine().getOut().println("removed " + member + " from '" + project + "'");
			return 0;
		}

	}

	@Command(name = "list", description = "List a project's members.", mixinStandardHelpOptions = true)
	@ReadsOnly
	static final class ListMembers implements Callable<Integer> {

		private final ProjectService projects;

		private final ProjectAccess access;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--project", required = true)
		String project;

		ListMembers(ProjectService projects, ProjectAccess access) {
			this.projects = projects;
			this.access = access;
		}

		@Override
		public Integer call() {
			for (Member m : access.members(Lookups.project(projects, project).id())) {
				spec.commandLine().getOut().println(m.username() + "\t" + m.role().label() + "\t" + m.displayName());
			}
			return 0;
		}

	}

}
