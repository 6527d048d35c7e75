package quire.coding.internal.qdc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** Loading the sample files and reading codebooks given as text, for the tests of this package. */
final class Samples {

	/** The codebook Quire ships, relative to the project folder (the working directory of the tests). */
	static final Path RE_AIM = Path.of("codebooks", "re-aim.qdc");

	private Samples() {
	}

	static byte[] bytes(String resource) {
		try (InputStream in = Objects.requireNonNull(Samples.class.getResourceAsStream("/qdc/" + resource),
				resource)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static QdcCodebook sample(String resource) {
		return QdcReader.read(resource, new ByteArrayInputStream(bytes(resource)));
	}

	static QdcCodebook text(String fileName, String xml) {
		return QdcReader.read(fileName, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static byte[] reAimBytes() {
		try {
			return Files.readAllBytes(RE_AIM);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static QdcCodebook reAim() {
		return QdcReader.read("re-aim.qdc", new ByteArrayInputStream(reAimBytes()));
	}
}
