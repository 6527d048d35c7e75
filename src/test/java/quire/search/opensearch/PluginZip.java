package quire.search.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs an OpenSearch plugin zip into a node's {@code plugins} folder as {@code opensearch-plugin
 * install} does (OpenSearch's installer is not published as a library): the entries at the top of the
 * zip go into {@code plugins/<name>}, where {@code <name>} is the descriptor's; the old layout with an
 * {@code opensearch/} folder and entries that leave the folder are refused. Whether the descriptor and
 * the jar are right is then the node's to decide when it loads the plugin, as in production.
 */
final class PluginZip {

	static final String DESCRIPTOR = "plugin-descriptor.properties";

	/** Installs {@code zip} under {@code plugins} and returns the plugin's folder. */
	static Path install(Path zip, Path plugins) {
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			ZipEntry descriptor = archive.getEntry(DESCRIPTOR);
			if (descriptor == null) {
				throw new IllegalArgumentException(zip + " is not an OpenSearch plugin: it has no " + DESCRIPTOR);
			}
			Properties properties = new Properties();
			try (InputStream in = archive.getInputStream(descriptor)) {
				properties.load(in);
			}
			String name = properties.getProperty("custom.foldername", properties.getProperty("name", ""));
			if (name.isBlank() || name.contains("/") || name.contains("..")) {
				throw new IllegalArgumentException(zip + " has no usable plugin name: '" + name + "'");
			}
			Path folder = plugins.resolve(name).normalize();
			Files.createDirectories(folder);
			for (ZipEntry entry : archive.stream().toList()) {
				if (entry.getName().startsWith("opensearch/")) {
					throw new IllegalArgumentException(zip + " has the old plugin layout (an opensearch/ folder)");
				}
				Path target = folder.resolve(entry.getName()).normalize();
				if (!target.startsWith(folder)) {
					throw new IllegalArgumentException(zip + " has an entry outside the plugin's folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, target);
				}
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot install " + zip + ": " + ex.getMessage(), ex);
		}
	}

	private PluginZip() {
	}

}
