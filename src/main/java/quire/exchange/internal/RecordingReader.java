package quire.exchange.internal;

import static quire.exchange.internal.Qde.all;
import static quire.exchange.internal.Qde.normalise;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

import quire.corpus.DocumentId;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.corpus.TurnTimes;
import quire.media.MediaService;

/**
 * The recording side of a REFI-QDA {@code AudioSource} or {@code VideoSource}: its media file in the
 * archive, and the {@code SyncPoint}s of its transcripts, whose times become the start times of the
 * turns they mark. Recordings are attached last ({@link #attachAll}), after everything else of the
 * import succeeded, so that a refused one leaves no files behind.
 */
@Component
class RecordingReader {

	/** A recording to attach to an imported transcript once the rest of the archive is in. */
	record PendingRecording(DocumentId document, String sourceKind, String sourceName, String path, byte[] content) {
	}

	/** A sync point with both a position (in the transcript as the other tool stored it) and a time. */
	record TimedPoint(int position, long millis) {
	}

	private final MediaService media;

	private final TurnTimes turnTimes;

	RecordingReader(MediaService media, TurnTimes turnTimes) {
		this.media = media;
		this.turnTimes = turnTimes;
	}

	/** The media file a source's {@code path} names, if the archive holds it. */
	static Optional<byte[]> mediaFile(SafeZip zip, Element source) {
		String path = source.getAttribute("path").strip();
		return path.isEmpty() ? Optional.empty() : SourceFiles.resolve(zip, path);
	}

	/** Positions of a transcript's sync points by GUID (those without a usable position left out). */
	static Map<String, Integer> positions(Element transcript) {
		Map<String, Integer> out = new HashMap<>();
		for (Element point : all(transcript, "SyncPoint")) {
			Integer position = integer(point.getAttribute("position"));
			if (position != null && position >= 0) {
				out.put(normalise(point.getAttribute("guid")), position);
			}
		}
		return out;
	}

	/** A transcript's sync points that have a position and a time, in order of position. */
	static List<TimedPoint> timed(Element transcript) {
		List<TimedPoint> out = new ArrayList<>();
		for (Element point : all(transcript, "SyncPoint")) {
			Integer position = integer(point.getAttribute("position"));
			Long millis = point.getAttribute("timeStamp").isBlank() ? null : longValue(point.getAttribute("timeStamp"));
			if (position != null && position >= 0 && millis != null && millis >= 0) {
				out.add(new TimedPoint(position, millis));
			}
		}
		out.sort(Comparator.comparingInt(TimedPoint::position));
		return out;
	}

	/**
	 * Sets the start of each turn that a timed sync point marks: a point at the turn's first word or
	 * before it (on its speaker label, after the previous turn) gives that turn's start; the first such
	 * point wins. Points inside a turn say nothing about where it starts and are counted in a warning.
	 * @return the number of turns timed
	 */
	int timeTurns(SelectionReader.Target target, List<TimedPoint> points, List<String> warnings) {
		Transcript stored = target.stored();
		int length = target.offsets().originalLength();
		Map<Integer, Long> starts = new LinkedHashMap<>();
		int inside = 0;
		for (TimedPoint p : points) {
			if (p.position() > length) {
				inside++;
				continue;
			}
			int at = target.offsets().map(p.position());
			Turn marked = null;
			int previousEnd = 0;
			for (Turn t : stored.turns()) {
				if (previousEnd <= at && at <= t.start()) {
					marked = t;
					break;
				}
				previousEnd = t.end();
			}
			if (marked == null) {
				inside++;
			}
			else {
				starts.putIfAbsent(marked.index(), p.millis());
			}
		}
		if (inside > 0) {
			warnings.add("'" + target.sourceName() + "': " + inside
					+ " sync point(s) inside a turn or past the text; turn start times come only from points at a turn's start");
		}
		return starts.isEmpty() ? 0 : turnTimes.setStarts(stored.document().id(), starts);
	}

	/**
	 * Attaches the recordings; if one is refused, those attached before it are detached again and the
	 * refusal is thrown, naming the archive, the source and why.
	 */
	void attachAll(String fileName, List<PendingRecording> pending) {
		List<DocumentId> attached = new ArrayList<>();
		for (PendingRecording p : pending) {
			try {
				media.attach(p.document(), baseName(p.path()), new ByteArrayInputStream(p.content()));
				attached.add(p.document());
			}
			catch (RuntimeException ex) {
				attached.forEach(media::detach);
				throw new IllegalArgumentException(fileName + ": the recording of " + p.sourceKind() + " '" + p.sourceName()
						+ "' (" + p.path() + ") cannot be attached: " + ex.getMessage() + "; nothing was imported", ex);
			}
		}
	}

	private static String baseName(String path) {
		String p = path.replace('\\', '/');
		String name = p.substring(p.lastIndexOf('/') + 1).strip();
		return name.isEmpty() ? "recording" : name;
	}

	private static @Nullable Integer integer(String s) {
		try {
			return Integer.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Long longValue(String s) {
		try {
			return Long.valueOf(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
