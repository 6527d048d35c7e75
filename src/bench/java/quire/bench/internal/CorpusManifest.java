package quire.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import quire.corpus.Language;

/**
 * A generated corpus as the benchmark reads it: {@code corpus.tsv} and, when present,
 * {@code codings.tsv} (see {@code CorpusGenerator}).
 */
public record CorpusManifest(Path root, List<Entry> files, String generatedBy) {

	/** One transcript file. */
	public record Entry(String path, Language language, String group, int words, int turns, long bytes) {
	}

	/** One coding of a transcript, as offsets into its text. */
	public record CodingLine(String path, int start, int end, String code, String coder) {
	}

	/**
	 * @throws IllegalArgumentException if the folder or its {@code corpus.tsv} is missing or malformed
	 */
	public static CorpusManifest read(Path root) {
		if (!Files.isDirectory(root)) {
			throw new IllegalArgumentException("no corpus folder at " + root + "; create one with: quire generate --out "
					+ root + " --transcripts 20 --seed 1");
		}
		Path tsv = root.resolve("corpus.tsv");
		if (!Files.isRegularFile(tsv)) {
			throw new IllegalArgumentException(
					"no corpus.tsv in " + root + "; the benchmark reads corpora written by quire generate");
		}
		try {
			List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
			String generatedBy = lines.isEmpty() || !lines.get(0).startsWith("# ") ? "" : lines.get(0).substring(2);
			List<Entry> entries = new ArrayList<>();
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.startsWith("#") || line.startsWith("path\t") || line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t");
				int lineNo = i + 1;
				if (f.length != 6) {
					throw new IllegalArgumentException(tsv + " line " + (i + 1) + ": expected 6 tab-separated fields, found "
							+ f.length);
				}
				entries.add(new Entry(f[0], Language.parse(f[1]).orElseThrow(() -> new IllegalArgumentException(
						tsv + " line " + lineNo + ": unknown language '" + f[1] + "'")), f[2], Integer.parseInt(f[3]),
						Integer.parseInt(f[4]), Long.parseLong(f[5])));
			}
			if (entries.isEmpty()) {
				throw new IllegalArgumentException(tsv + " lists no transcripts");
			}
			return new CorpusManifest(root, List.copyOf(entries), generatedBy);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(tsv + ": a number field is not a number (" + ex.getMessage() + ")", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + tsv + ": " + ex.getMessage(), ex);
		}
	}

	/** The first {@code n} transcripts. */
	public CorpusManifest first(int n) {
		return n >= files.size() ? this : new CorpusManifest(root, files.subList(0, n), generatedBy);
	}

	public long bytes() {
		return files.stream().mapToLong(Entry::bytes).sum();
	}

	public long words() {
		return files.stream().mapToLong(Entry::words).sum();
	}

	public long turns() {
		return files.stream().mapToLong(Entry::turns).sum();
	}

	/** The codings of this manifest's transcripts, at most {@code limit}, grouped by path in file order. */
	public Map<String, List<CodingLine>> codings(long limit) {
		Path tsv = root.resolve("codings.tsv");
		Map<String, List<CodingLine>> byPath = new LinkedHashMap<>();
		if (!Files.isRegularFile(tsv)) {
			return byPath;
		}
		java.util.Set<String> wanted = new java.util.HashSet<>();
		files.forEach(e -> wanted.add(e.path()));
		long n = 0;
		try (var reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null && n < limit) {
				if (line.startsWith("path\t") || line.isBlank()) {
					continue;
				}
				String[] f = line.split("\t");
				if (f.length == 5 && wanted.contains(f[0])) {
					byPath.computeIfAbsent(f[0], k -> new ArrayList<>())
						.add(new CodingLine(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3], f[4]));
					n++;
				}
			}
			return byPath;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + tsv + ": " + ex.getMessage(), ex);
		}
	}

}
