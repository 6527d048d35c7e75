package quire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "quire", mixinStandardHelpOptions = true, version = "Quire 0.1",
		description = "Quire's headless commands. Run the jar without arguments to start the web app.",
		subcommandsRepeatable = false)
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
