package quire.corpus.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import quire.corpus.ImportOutcome;
import quire.corpus.ImportRejectedException;
import quire.corpus.ImportRequest;
import quire.corpus.ImportResult;
import quire.corpus.ImportsBusyException;
import quire.corpus.Language;
import quire.corpus.Words;

/**
 * How files get into the corpus: the limits ({@code quire.import.*}), the part of an import that needs
 * no database (size check, digest, parsing, language guess, word count), the import slots per person,
 * and the transactions of a bulk import — {@link #GROUP} files per transaction, the next group read on
 * another thread while one is stored, a savepoint before each file. Storing one file is the caller's
 * {@link FileStore}.
 */
@Component
public class ImportPipeline {

	/** The longest file name an import accepts, as most file systems do. */
	public static final int MAX_FILE_NAME = 255;

	/**
	 * How many files a bulk import commits together: a commit writes the database's changed pages,
	 * so one per file cost a fifth of an import; a group of 16 transcripts (about 1 MB) is still
	 * small enough to hold and to redo.
	 */
	public static final int GROUP = 16;

	private final PlatformTransactionManager transactions;

	private final long maxFileSize;

	/** The most speaker turns (or cues) one file may have ({@code quire.import.max-turns}). */
	private final int maxTurns;

	/** How many imports one person may run at once ({@code quire.import.max-concurrent-per-user}). */
	private final int maxConcurrentImports;

	/** Imports running, by the name of the person who started them. */
	private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();

	ImportPipeline(PlatformTransactionManager transactions,
			@Value("${quire.import.max-file-size:52428800}") long maxFileSize,
			@Value("${quire.import.max-turns:" + TranscriptReaders.DEFAULT_MAX_TURNS + "}") int maxTurns,
			@Value("${quire.import.max-concurrent-per-user:2}") int maxConcurrentImports) {
		if (maxTurns < 1) {
			throw new IllegalArgumentException("quire.import.max-turns must be at least 1, not " + maxTurns);
		}
		if (maxConcurrentImports < 1) {
			throw new IllegalArgumentException(
					"quire.import.max-concurrent-per-user must be at least 1, not " + maxConcurrentImports);
		}
		this.transactions = transactions;
		this.maxFileSize = maxFileSize;
		this.maxTurns = maxTurns;
		this.maxConcurrentImports = maxConcurrentImports;
	}

	/** Stores one prepared file inside the import's transaction. */
	@FunctionalInterface
	public interface FileStore {

		/** @throws ImportRejectedException naming the file and the reason; the file's changes are rolled back */
		ImportResult store(ImportRequest request, PreparedFile prepared);

	}

	/** One of a person's import slots, given back on close. */
	public interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * A file prepared for storing, or why it cannot be imported ({@code early}: refused before the
	 * duplicate check, which needs the database).
	 */
	public record PreparedFile(String fileName, @Nullable String sha256, @Nullable ParsedTranscript parsed,
			@Nullable Language language, List<String> notes, int words, @Nullable ImportRejectedException rejection,
			boolean early) {

		static PreparedFile refused(ImportRejectedException ex) {
			return new PreparedFile(ex.fileName(), null, null, null, List.of(), 0, ex, true);
		}

	}

	/** The largest file an import accepts, in bytes. */
	public long maxFileSize() {
		return maxFileSize;
	}

	/** The most speaker turns (or subtitle cues) one file may have. */
	public int maxTurns() {
		return maxTurns;
	}

	/** Takes an import slot for the person of that name, or refuses when all theirs are taken. */
	public Slot slot(String who) {
		boolean[] taken = new boolean[1];
		running.compute(who, (k, n) -> {
			int now = n == null ? 0 : n;
			taken[0] = now < maxConcurrentImports;
			return taken[0] ? now + 1 : now;
		});
		if (!taken[0]) {
			throw new ImportsBusyException(maxConcurrentImports);
		}
		return () -> running.compute(who, (k, n) -> n == null || n <= 1 ? null : n - 1);
	}

	/** Why a file would be refused before it touches the database, or empty when it can be read. */
	public Optional<String> unreadable(ImportRequest request) {
		if (baseName(request.fileName()).length() > MAX_FILE_NAME) {
			return Optional.of(nameTooLong(baseName(request.fileName())).reason());
		}
		try {
			if (request.content().length > maxFileSize) {
				return Optional.of("the file is " + megabytes(request.content().length) + ", larger than the upload limit of "
						+ megabytes(maxFileSize));
			}
			TranscriptReaders.read(baseName(request.fileName()), request.content(), maxTurns);
			return Optional.empty();
		}
		catch (ImportRejectedException ex) {
			return Optional.of(ex.reason());
		}
	}

	/**
	 * Imports one file: it is prepared before the transaction opens, so a large file holds no database
	 * connection while it is parsed; the transaction joins the caller's, if there is one.
	 */
	public ImportResult importOne(ImportRequest request, FileStore store) {
		PreparedFile prepared = prepare(request);
		return Objects.requireNonNull(new TransactionTemplate(transactions).execute(status -> store.store(request, prepared)));
	}

	/**
	 * Imports many files, {@link #GROUP} per transaction, reading and parsing the next group on another
	 * thread while one is stored. A rejected file is rolled back to the savepoint before it; a group the
	 * database refuses is stored again file by file. {@code report} gets each group's outcomes once it
	 * is committed.
	 */
	public void importFiles(List<Supplier<ImportRequest>> files, FileStore store, Consumer<List<ImportOutcome>> report) {
		ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "quire-import-reader");
			t.setDaemon(true);
			return t;
		});
		try {
			Future<List<Item>> next = reader.submit(() -> read(files, 0));
			for (int from = 0; from < files.size(); from += GROUP) {
				List<Item> group = next.get();
				int following = from + GROUP;
				next = following < files.size() ? reader.submit(() -> read(files, following)) : null;
				report.accept(storeCommitted(group, store));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("the import was interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException r ? r
					: new IllegalStateException("the files could not be read: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			reader.shutdownNow();
		}
	}

	/** A file of a bulk import: its request and what preparing it found, or why it could not be read. */
	private record Item(@Nullable ImportRequest request, @Nullable PreparedFile prepared,
			@Nullable ImportRejectedException unreadable) {
	}

	private List<Item> read(List<Supplier<ImportRequest>> files, int from) {
		List<Item> items = new ArrayList<>(GROUP);
		for (Supplier<ImportRequest> file : files.subList(from, Math.min(files.size(), from + GROUP))) {
			try {
				ImportRequest request = file.get();
				items.add(new Item(request, prepare(request), null));
			}
			catch (ImportRejectedException ex) {
				items.add(new Item(null, null, ex));
			}
		}
		return items;
	}

	/** One group in its own transaction; if the database refuses it, each file in its own. */
	private List<ImportOutcome> storeCommitted(List<Item> group, FileStore store) {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		try {
			return Objects.requireNonNull(transaction.execute(status -> storeGroup(group, store, status)));
		}
		catch (RuntimeException groupFailed) {
			List<ImportOutcome> out = new ArrayList<>(group.size());
			for (Item item : group) {
				try {
					out.addAll(Objects.requireNonNull(transaction.execute(status -> storeGroup(List.of(item), store, status))));
				}
				catch (RuntimeException ex) {
					String name = baseName(Objects.requireNonNull(item.request()).fileName());
					out.add(new ImportOutcome(name, null, new ImportRejectedException(name,
							"the database could not store it (" + ex.getMessage() + ")", ex)));
				}
			}
			return out;
		}
	}

	private List<ImportOutcome> storeGroup(List<Item> group, FileStore store, TransactionStatus status) {
		List<ImportOutcome> out = new ArrayList<>(group.size());
		for (Item item : group) {
			if (item.unreadable() != null) {
				out.add(new ImportOutcome(item.unreadable().fileName(), null, item.unreadable()));
				continue;
			}
			ImportRequest request = Objects.requireNonNull(item.request());
			Object savepoint = status.createSavepoint();
			try {
				ImportResult result = store.store(request, Objects.requireNonNull(item.prepared()));
				status.releaseSavepoint(savepoint);
				out.add(new ImportOutcome(baseName(request.fileName()), result, null));
			}
			catch (ImportRejectedException ex) {
				status.rollbackToSavepoint(savepoint);
				out.add(new ImportOutcome(ex.fileName(), null, ex));
			}
		}
		return out;
	}

	/**
	 * The part of an import that needs no database: size check, digest, parsing, language guess and
	 * word count. A bulk import prepares the next group's files on its reader thread.
	 */
	private PreparedFile prepare(ImportRequest request) {
		String fileName = baseName(request.fileName());
		byte[] content = request.content();
		if (fileName.length() > MAX_FILE_NAME) {
			return PreparedFile.refused(nameTooLong(fileName));
		}
		if (content.length > maxFileSize) {
			return PreparedFile.refused(new ImportRejectedException(fileName, "the file is " + megabytes(content.length)
					+ ", larger than the upload limit of " + megabytes(maxFileSize)));
		}
		String sha = sha256(content);
		try {
			ParsedTranscript parsed = TranscriptReaders.read(fileName, content, maxTurns);
			List<String> notes = new ArrayList<>();
			Language language = request.language();
			if (language == null) {
				language = LanguageGuesser.guess(parsed.text());
				notes.add("language guessed as " + language.label());
			}
			int words = 0;
			for (ParsedTurn turn : parsed.turns()) {
				words += Words.count(parsed.text(), turn.start(), turn.end());
			}
			return new PreparedFile(fileName, sha, parsed, language, notes, words, null, false);
		}
		catch (ImportRejectedException ex) {
			return new PreparedFile(fileName, sha, null, null, List.of(), 0, ex, false);
		}
	}

	private static ImportRejectedException nameTooLong(String fileName) {
		return new ImportRejectedException(fileName.substring(0, 40) + "…", "the file name is longer than "
				+ MAX_FILE_NAME + " characters (" + fileName.length() + "); rename the file");
	}

	/** The file name without any folder part. */
	public static String baseName(String fileName) {
		String n = fileName.replace('\\', '/');
		return n.substring(n.lastIndexOf('/') + 1).strip();
	}

	/** The default document name: the file name without its extension. */
	public static String stem(String fileName) {
		int dot = fileName.lastIndexOf('.');
		String s = dot > 0 ? fileName.substring(0, dot) : fileName;
		return s.length() > 250 ? s.substring(0, 250) : s;
	}

	/** A size for people, e.g. "50 MB" (binary megabytes, as file managers show them). */
	public static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f MB", mb)
				: String.format(Locale.ROOT, "%.1f MB", mb);
	}

	/** The SHA-256 digest of the bytes, in lower-case hex. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
		}
	}

}
