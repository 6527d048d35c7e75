package quire.exchange.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads an untrusted ZIP archive into memory with limits: at most {@code maxEntries} entries, each at
 * most {@code maxEntryBytes} and all together at most {@code maxTotalBytes} uncompressed (counted while
 * inflating), never more than {@value #MAX_RATIO} times the compressed bytes read (so a zip bomb stops
 * after a few megabytes), and no entry whose path could leave the archive root.
 * <p>
 * Entry names are found however the exporting tool wrote them: flagged UTF-8, or unflagged in UTF-8,
 * CP437 (what the ZIP format prescribes) or the Windows code page, or only in the Info-ZIP Unicode
 * path field; in any letter case and in composed or decomposed form (macOS); and with the whole
 * project zipped inside one folder.
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

	/** Info-ZIP Unicode Path Extra Field: version 1, CRC-32 of the header name, the name in UTF-8. */
	private static final int UNICODE_PATH = 0x7075;

	private static final Charset CP437 = Charset.forName("IBM437");

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private final Map<String, byte[]> entries;

	/** Every plausible reading of each entry's name, as a {@link #key}, to the name the entry is kept under. */
	private final Map<String, String> aliases;

	/** The folder holding {@code project.qde} when the project was zipped inside one; else empty. */
	private final String root;

	private SafeZip(Map<String, byte[]> entries, Map<String, String> aliases) {
		this.entries = entries;
		this.aliases = aliases;
		List<String> projects = aliases.keySet().stream().filter(k -> k.equals("project.qde") || k.endsWith("/project.qde"))
			.toList();
		this.root = projects.size() == 1 ? projects.get(0).substring(0, projects.get(0).length() - "project.qde".length())
				: "";
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
		Map<String, String> aliases = new LinkedHashMap<>();
		// ISO-8859-1 keeps the bytes of a name not flagged UTF-8, so that it can be read again below
		try (ZipInputStream zip = new ZipInputStream(raw, StandardCharsets.ISO_8859_1)) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				List<String> names = readings(entry);
				String name = names.get(0);
				for (String reading : names) {
					if (reading.startsWith("/") || reading.matches("^[A-Za-z]:.*") || ("/" + reading + "/").contains("/../")) {
						throw new IllegalArgumentException(fileName + ": the entry '" + reading
								+ "' points outside the archive; refusing the file");
					}
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
				for (String reading : names) {
					aliases.putIfAbsent(key(reading), name);
				}
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
		return new SafeZip(entries, aliases);
	}

	/**
	 * The readings of an entry's name, the most likely first (it names the entry in messages): the
	 * Unicode path field; then, for a name that may not be flagged UTF-8 (read here as ISO-8859-1), its
	 * bytes as UTF-8, the name as read (right if it was flagged), CP437 and Windows-1252. A name with
	 * letters outside ISO-8859-1 was flagged UTF-8 and has only the one reading.
	 */
	private static List<String> readings(ZipEntry entry) {
		Set<String> out = new LinkedHashSet<>();
		String read = entry.getName().replace('\\', '/');
		byte[] extra = entry.getExtra();
		if (extra != null) {
			unicodePath(extra).ifPresent(n -> out.add(n.replace('\\', '/')));
		}
		if (read.chars().allMatch(c -> c <= 0xFF) && read.chars().anyMatch(c -> c > 0x7F)) {
			byte[] bytes = read.getBytes(StandardCharsets.ISO_8859_1);
			strictUtf8(bytes).ifPresent(out::add);
			// C1 controls are no letters: then the name was not flagged and is read in a code page
			if (read.chars().noneMatch(c -> c >= 0x80 && c <= 0x9F)) {
				out.add(read);
			}
			out.add(new String(bytes, CP437));
			out.add(new String(bytes, WINDOWS_1252));
		}
		out.add(read);
		return List.copyOf(out);
	}

	private static Optional<String> unicodePath(byte[] extra) {
		ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
		while (b.remaining() >= 4) {
			int id = b.getShort() & 0xFFFF;
			int size = b.getShort() & 0xFFFF;
			if (size > b.remaining()) {
				return Optional.empty();
			}
			if (id == UNICODE_PATH && size > 5 && b.get(b.position()) == 1) {
				byte[] name = new byte[size - 5];
				b.get(b.position() + 5, name);
				return strictUtf8(name);
			}
			b.position(b.position() + size);
		}
		return Optional.empty();
	}

	private static Optional<String> strictUtf8(byte[] bytes) {
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			return Optional.empty();
		}
	}

	/** Names compared ignoring case and Unicode composition. */
	private static String key(String name) {
		return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	/**
	 * An entry by exact path, or else by any reading of its name ignoring case and composition (tools
	 * differ on {@code Sources/} and {@code sources/}), also inside the folder that holds
	 * {@code project.qde} when the project was zipped inside one.
	 */
	public Optional<byte[]> entry(String path) {
		String p = path.replace('\\', '/');
		while (p.startsWith("./")) {
			p = p.substring(2);
		}
		p = p.replace("/./", "/");
		byte[] exact = entries.get(p);
		if (exact != null) {
			return Optional.of(exact);
		}
		String name = aliases.get(key(p));
		if (name == null && !root.isEmpty()) {
			name = aliases.get(root + key(p));
		}
		return Optional.ofNullable(name).map(entries::get);
	}

	/** The one entry with this file name in any folder; empty if none or several have it. */
	Optional<byte[]> uniqueFileName(String fileName) {
		String wanted = key(fileName);
		List<String> names = aliases.entrySet().stream()
			.filter(e -> e.getKey().equals(wanted) || e.getKey().endsWith("/" + wanted))
			.map(Map.Entry::getValue)
			.distinct()
			.toList();
		return names.size() == 1 ? Optional.of(entries.get(names.get(0))) : Optional.empty();
	}

	public static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

}
