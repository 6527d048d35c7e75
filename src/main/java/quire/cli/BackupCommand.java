package quire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.backup.BackupService;

/** {@code backup --out DIR} and {@code restore --from DIR}. */
final class BackupCommand {

	private BackupCommand() {
	}

	@Command(name = "backup", description = "Write a consistent backup of the database (documents included).",
			mixinStandardHelpOptions = true)
	@ReadsOnly
	static final class Backup implements Callable<Integer> {

		private final BackupService backup;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--out", required = true, paramLabel = "DIR", description = "an empty or new folder")
		Path out;

		Backup(BackupService backup) {
			this.backup = backup;
		}

		@Override
		public Integer call() {
			spec.commandLine().getOut().println("backed up " + backup.backup(out).describe());
			return 0;
		}

	}

	@Command(name = "restore", description = "Replace the database with a backup and rebuild the index (stop the web app first).",
			mixinStandardHelpOptions = true)
	static final class Restore implements Callable<Integer> {

		private final BackupService backup;

		@Mixin
		HomeOption home;

		@Spec
		CommandSpec spec;

		@Option(names = "--from", required = true, paramLabel = "DIR", description = "a folder written by backup")
		Path from;

		Restore(BackupService backup) {
			this.backup = backup;
		}

		@Override
		public Integer call() {
			spec.commandLine().getOut().println("restored " + backup.restore(from).describe());
			return 0;
		}

	}

}
