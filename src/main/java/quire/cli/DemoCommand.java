package quire.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import quire.corpus.DemoProject;

@Command(name = "demo", description = "Create the demo project from the bundled demo corpus.",
		mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

	private final DemoProject demo;

	@Mixin
	HomeOption home;

	@Spec
	CommandSpec spec;

	DemoCommand(DemoProject demo) {
		this.demo = demo;
	}

	@Override
	public Integer call() {
		var project = demo.create();
		spec.commandLine().getOut().println("created the demo project '" + project.name() + "'");
		return 0;
	}

}
