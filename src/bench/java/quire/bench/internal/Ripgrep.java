package quire.bench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * ripgrep over the same text files, one turn per line: case-insensitive PCRE2, counting every match
 * (so it reads every file, as an exact total needs). A speaker filter anchors the pattern to the
 * speaker's label; a group filter searches only that group's folder. Each run is a process start, as
 * a researcher would use it.
 */
public final class Ripgrep {

	private final String executable;

	private Ripgrep(String executable) {
		this.executable = executable;
	}

	/** ripgrep on the PATH, or empty when it is not installed. */
	public static Optional<Ripgrep> find() {
		try {
			Process p = new ProcessBuilder("rg", "--version").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.startsWith("ripgrep")
					? Optional.of(new Ripgrep("rg")) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	public String version() throws IOException, InterruptedException {
		Process p = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		p.waitFor();
		return out.lines().findFirst().orElse("ripgrep");
	}

	/** The pattern ripgrep runs for a query and filter. */
	static String pattern(BenchQuery q, String filter) {
		if (!filter.equals("speaker")) {
			return q.ripgrep();
		}
		String body = q.ripgrep().startsWith("^") ? q.ripgrep().substring(1) : q.ripgrep();
		return "^\\[[0-9:]+\\] " + java.util.regex.Pattern.quote(q.speaker()) + ": .*?" + body;
	}

	/** Runs one search over the given files (the caller passes only the group's files for a group filter). */
	public long search(List<Path> files, BenchQuery q, String filter) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(executable, "-P", "-i", "--count-matches", "--no-filename",
				"--no-messages", "-e", pattern(q, filter)));
		files.forEach(f -> command.add(f.toString()));
		Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		long total = 0;
		try (InputStream in = p.getInputStream()) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank()) {
					total += Long.parseLong(line.strip());
				}
			}
		}
		p.waitFor();
		return total;
	}

}
