package quire.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an untrusted ZIP archive into memory with limits: at most {@code maxEntries} entries, each at
 * most {@code maxEntryBytes} and all together at most {@code maxTotalBytes} uncompressed (counted while
 * inflating), never more than {@value #MAX_RATIO} times the compressed bytes read (so a zip bomb stops
 * after a few megabytes), and no entry whose path could leave the archive root.
 */
public final class SafeZip {

	/**
	 * The most an archive may inflate relative to the compressed bytes read so far. Text and XML
	 * deflate 3–20 times; a zip bomb (megabytes of zeros) about 1,000 times. Checked while inflating,
	 * so a bomb is refused after {@value #BOMB_CHECK_BYTES} bytes instead of at the size limits,
	 * which would otherwise all be held in memory first.
	 */
	static final int MAX_RATIO = 200;

	/** Inflated bytes below which the ratio is not checked (small files can have odd ratios). */
	static final long BOMB_CHECK_BYTES = 16L << 20;

	private final Map<String, byte[]> entries;

	private SafeZip(Map<String, byte[]> entries) {
		this.entries = entries;
	}

	/**
	 * @throws IllegalArgumentException with the file name and the reason
	 */
	public static SafeZip read(String fileName, byte[] content, int maxEntries, long maxEntryBytes, long maxTotalBytes) {
		if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
			throw new IllegalArgumentException(fileName + ": not a .qdpx archive (a .qdpx is a ZIP file)");
		}
		Map<String, byte[]> entries = new LinkedHashMap<>();
		long total = 0;
		int count = 0;
		ByteArrayInputStream raw = new ByteArrayInputStream(content);
		try (ZipInputStream zip = new ZipInputStream(raw)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				String name = entry.getName().replace('\\', '/');
				if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || ("/" + name + "/").contains("/../")) {
					throw new IllegalArgumentException(fileName + ": the entry '" + entry.getName()
							+ "' points outside the archive; refusing the file");
				}
				if (++count > maxEntries) {
					throw new IllegalArgumentException(fileName + ": more than " + maxEntries + " entries; refusing the file");
				}
				if (entry.isDirectory()) {
					continue;
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				byte[] buffer = new byte[64 * 1024];
				long size = 0;
				int n;
				while ((n = zip.read(buffer)) > 0) {
					size += n;
					total += n;
					if (size > maxEntryBytes) {
						throw new IllegalArgumentException(fileName + ": the entry '" + name + "' unpacks to more than "
								+ (maxEntryBytes >> 20) + " MB; refusing the file");
					}
					long consumed = content.length - raw.available();
					if (total > BOMB_CHECK_BYTES && total > MAX_RATIO * Math.max(1, consumed)) {
						throw new IllegalArgumentException(fileName + ": the archive unpacks to more than " + MAX_RATIO
								+ " times its compressed size, as a zip bomb does; refusing the file");
					}
					if (total > maxTotalBytes) {
						throw new IllegalArgumentException(fileName + ": the archive unpacks to more than "
								+ (maxTotalBytes >> 20) + " MB; refusing the file");
					}
					out.write(buffer, 0, n);
				}
				entries.put(name, out.toByteArray());
			}
		}
		catch (ZipException ex) {
			throw new IllegalArgumentException(fileName + ": the archive is damaged (" + ex.getMessage() + ")", ex);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(fileName + ": the archive cannot be read (" + ex.getMessage() + ")", ex);
		}
		if (entries.isEmpty()) {
			throw new IllegalArgumentException(fileName + ": the archive is empty");
		}
		return new SafeZip(entries);
	}

	/** An entry by exact path, or else ignoring case (tools differ on {@code Sources/} and {@code sources/}). */
	public Optional<byte[]> entry(String path) {
		String p = path.replace('\\', '/');
		while (p.startsWith("./")) {
			p = p.substring(2);
		}
		byte[] exact = entries.get(p);
		if (exact != null) {
			return Optional.of(exact);
		}
		String lower = p.toLowerCase(Locale.ROOT);
		return entries.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).equals(lower))
			.map(Map.Entry::getValue).findFirst();
	}

	public static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

}
