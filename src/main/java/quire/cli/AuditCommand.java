package quire.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.project.AuditEntry;
import quire.project.AuditLog;
import quire.project.ProjectService;

/** A project's audit log (owners only). */
@Command(name = "audit", description = "Print or export a project's audit log (owners only).",
		mixinStandardHelpOptions = true)
@ReadsOnly
final class AuditCommand implements Callable<Integer> {

	private final ProjectService projects;

	private final AuditLog audit;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	@Option(names = "--project", required = true)
	String project;

	@Option(names = "--limit", defaultValue = "100", description = "newest entries to print")
	int limit;

	@Option(names = "--csv", paramLabel = "FILE", description = "write the whole log as CSV to FILE instead")
	Path csv;

	AuditCommand(ProjectService projects, AuditLog audit) {
		this.projects = projects;
		this.audit = audit;
	}

	@Override
	public Integer call() throws Exception {
		var target = Lookups.project(projects, project);
		if (csv != null) {
			Files.writeString(csv, audit.csv(target.id()), StandardCharsets.UTF_8);
			spec.commandLine().getOut().println("wrote the audit log of '" + target.name() + "' to " + csv);
			return 0;
		}
		for (AuditEntry e : audit.entries(target.id(), limit)) {
			spec.commandLine().getOut().println(e.at() + "\t" + e.actor() + "\t" + e.action() + "\t" + e.target());
		}
		return 0;
	}

}
