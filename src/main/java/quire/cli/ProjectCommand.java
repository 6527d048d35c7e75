package quire.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.project.Project;
import quire.project.ProjectService;

@Command(subcommands = { ProjectCommand.Create.class, ProjectCommand.ListProjects.class },
		name = "project", description = "Create and list projects.", mixinStandardHelpOptions = true)
final class ProjectCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	@Command(name = "create", description = "Create a project.", mixinStandardHelpOptions = true)
	static final class Create implements Callable<Integer> {

		private final ProjectService projects;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--name", required = true, description = "the project's name")
		String name;

		@Option(names = "--description", defaultValue = "", description = "a short description")
		String description;

		Create(ProjectService projects) {
			this.projects = projects;
		}

		@Override
		public Integer call() {
			Project p = projects.create(name, description);
			spec.commandLine().getOut().println("created project '" + p.name() + "' (id " + p.id() + ")");
			return 0;
		}

	}

	@Command(name = "list", description = "List the projects.", mixinStandardHelpOptions = true)
	@ReadsOnly
	static final class ListProjects implements Callable<Integer> {

		private final ProjectService projects;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		ListProjects(ProjectService projects) {
			this.projects = projects;
		}

		@Override
		public Integer call() {
			var out = spec.commandLine().getOut();
			var all = projects.list();
			if (all.isEmpty()) {
				out.println("no projects yet; create one with: project create --name NAME");
			}
			for (Project p : all) {
				out.println(p.name() + (p.description().isEmpty() ? "" : "\t" + p.description()));
			}
			return 0;
		}

	}

}
