package quire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A throwaway Quire home for integration tests: its own H2 database and Lucene index, so tests
 * never touch a researcher's {@code ~/.quire}.
 */
public final class QuireHome {

	private QuireHome() {
	}

	public static Path create(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Points Quire at a fresh home and turns off the demo project unless a test asks for it. */
	public static void register(DynamicPropertyRegistry registry, Path home) {
		registry.add("quire.home", home::toString);
		registry.add("quire.demo.on-first-start", () -> "false");
	}

}
