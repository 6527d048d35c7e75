package quire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The command tree: every command class is named here or in its group's {@code subcommands}, and
 * picocli asks a {@link CommandFactories factory} for each instance, so a command receives only the
 * services its constructor names.
 */
@Command(name = "quire", mixinStandardHelpOptions = true, version = "Quire 0.1",
		description = "Quire's headless commands. Run the jar without arguments to start the web app.",
		subcommandsRepeatable = false,
		subcommands = { ProjectCommand.class, DemoCommand.class, StudyCommand.class, ImportCommand.class,
				SearchCommand.class, CodeCommand.class, RebuildIndexCommand.class, UserCommand.class,
				MemberCommand.class, TokenCommand.class, AuditCommand.class, BackupCommand.Backup.class,
				BackupCommand.Restore.class, CodebookCommand.class, AgreementCommand.class, MitiCommand.class,
				SurveyCommand.class, ParticipantCommand.class, MatrixCommand.class, ReportCommand.Render.class,
				ReportCommand.Checklist.class, QdpxCommand.class, WordsCommand.class, DeidentifyCommand.class,
				MediaCommand.class, TurnTimesCommand.class, ShellCommand.class })
final class RootCommand implements Runnable {

	@Mixin
	HomeOption home;

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
