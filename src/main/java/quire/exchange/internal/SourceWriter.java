package quire.exchange.internal;

import static quire.exchange.internal.Qde.NS;
import static quire.exchange.internal.Qde.guid;
import static quire.exchange.internal.Qde.sourceGuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import quire.coding.Coding;
import quire.coding.Memo;
import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.corpus.Transcript;
import quire.corpus.Turn;
import quire.fidelity.Global;
import quire.media.MediaContent;
import quire.media.MediaFormat;
import quire.media.MediaService;

/**
 * Writes one document as a REFI-QDA source and its files into the archive. A document without a
 * recording is a {@code TextSource} whose codings are {@code PlainTextSelection}s. A document with a
 * recording is an {@code AudioSource} or {@code VideoSource} (its {@code path} the media file under
 * {@code Sources/}) holding the text as its {@code Transcript}: each timed turn is a {@code SyncPoint}
 * (the turn's start in milliseconds, and its character offset in the transcript's plain text), and
 * each coding a {@code TranscriptSelection} between two sync points; a coding boundary where no turn
 * starts gets a sync point with a position and no time.
 */
@Component
class SourceWriter {

	private final CorpusService corpus;

	private final MediaService media;

	SourceWriter(CorpusService corpus, MediaService media) {
		this.corpus = corpus;
		this.media = media;
	}

	void write(XMLStreamWriter w, ZipOutputStream zip, DocumentSummary d, List<Coding> codings, QdeWriter.Refs refs)
			throws XMLStreamException, IOException {
		Transcript t = corpus.transcript(d.id()).orElseThrow();
		String sourceGuid = sourceGuid(d.id());
		put(zip, "Sources/" + sourceGuid + ".txt", t.text().getBytes(StandardCharsets.UTF_8));
		Optional<MediaContent> recording = media.open(d.id());
		if (recording.isEmpty()) {
			w.writeStartElement(NS, "TextSource");
			w.writeAttribute("guid", sourceGuid);
			w.writeAttribute("name", d.name());
			w.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
			for (Coding c : codings) {
				w.writeStartElement(NS, "PlainTextSelection");
				w.writeAttribute("guid", guid("quire-selection:" + c.id().value()));
				w.writeAttribute("startPosition", Integer.toString(c.start()));
				w.writeAttribute("endPosition", Integer.toString(c.end()));
				selectionBody(w, c, refs);
			}
		}
		else {
			MediaFormat format = recording.get().recording().format();
			String mediaFile = sourceGuid + "." + format.extension();
			put(zip, "Sources/" + mediaFile, readMedia(recording.get()));
			w.writeStartElement(NS, format.video() ? "VideoSource" : "AudioSource");
			w.writeAttribute("guid", sourceGuid);
			w.writeAttribute("name", d.name());
			w.writeAttribute("path", "internal://" + mediaFile);
			w.writeStartElement(NS, "Transcript");
			w.writeAttribute("guid", guid("quire-transcript:" + d.id().value()));
			w.writeAttribute("name", d.name());
			w.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
			SyncPoints points = SyncPoints.of(d.id().value(), t.turns(), codings);
			points.write(w);
			for (Coding c : codings) {
				w.writeStartElement(NS, "TranscriptSelection");
				w.writeAttribute("guid", guid("quire-selection:" + c.id().value()));
				w.writeAttribute("fromSyncPoint", points.at(c.start()));
				w.writeAttribute("toSyncPoint", points.at(c.end()));
				selectionBody(w, c, refs);
			}
			w.writeEndElement();
		}
		for (Memo m : refs.memosByDocument().getOrDefault(d.id().value(), List.of())) {
			w.writeEmptyElement(NS, "NoteRef");
			w.writeAttribute("targetGUID", refs.noteGuid().get(m.id()));
		}
		for (var g : refs.globals().getOrDefault(d.id().value(), Map.of()).entrySet()) {
			w.writeStartElement(NS, "VariableValue");
			w.writeEmptyElement(NS, "VariableRef");
			w.writeAttribute("targetGUID", CaseMapper.variableGuid(g.getKey()));
			w.writeStartElement(NS, "IntegerValue");
			w.writeCharacters(Integer.toString(g.getValue()));
			w.writeEndElement();
			w.writeEndElement();
		}
		w.writeEndElement();
	}

	/** The rest of a selection, whose start tag and position attributes are written: who, when, and its coding. */
	private static void selectionBody(XMLStreamWriter w, Coding c, QdeWriter.Refs refs) throws XMLStreamException {
		w.writeAttribute("creatingUser", refs.users().get(c.coder()));
		w.writeAttribute("creationDateTime", DateTimeFormatter.ISO_INSTANT.format(c.createdAt()));
		w.writeStartElement(NS, "Coding");
		w.writeAttribute("guid", guid("quire-coding:" + c.id().value()));
		w.writeAttribute("creatingUser", refs.users().get(c.coder()));
		w.writeEmptyElement(NS, "CodeRef");
		w.writeAttribute("targetGUID", refs.codeGuids().get(c.codeId().value()));
		for (Memo m : refs.memosByCoding().getOrDefault(c.id().value(), List.of())) {
			w.writeEmptyElement(NS, "NoteRef");
			w.writeAttribute("targetGUID", refs.noteGuid().get(m.id()));
		}
		w.writeEndElement();
		w.writeEndElement();
	}

	private static byte[] readMedia(MediaContent content) {
		try {
			return Files.readAllBytes(content.file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the recording of document "
					+ content.recording().documentId().value() + ": " + ex.getMessage(), ex);
		}
	}

	private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	/** A transcript's sync points in order of position; {@link #at} finds the one a coding boundary uses. */
	record SyncPoints(List<Point> points, Map<Integer, String> byPosition) {

		record Point(String guid, int position, @Nullable Long timeStamp) {
		}

		static SyncPoints of(long document, List<Turn> turns, List<Coding> codings) {
			List<Point> points = new ArrayList<>();
			Map<Integer, String> byPosition = new HashMap<>();
			for (Turn turn : turns) {
				if (turn.startMs() != null) {
					Point p = new Point(guid("quire-sync:" + document + ":" + turn.index()), turn.start(), turn.startMs());
					points.add(p);
					byPosition.putIfAbsent(p.position(), p.guid());
				}
			}
			for (Coding c : codings) {
				for (int position : new int[] { c.start(), c.end() }) {
					if (!byPosition.containsKey(position)) {
						Point p = new Point(guid("quire-sync:" + document + ":at:" + position), position, null);
						points.add(p);
						byPosition.put(position, p.guid());
					}
				}
			}
			points.sort(Comparator.comparingInt(Point::position));
			return new SyncPoints(points, byPosition);
		}

		void write(XMLStreamWriter w) throws XMLStreamException {
			for (Point p : points) {
				w.writeEmptyElement(NS, "SyncPoint");
				w.writeAttribute("guid", p.guid());
				if (p.timeStamp() != null) {
					w.writeAttribute("timeStamp", Long.toString(p.timeStamp()));
				}
				w.writeAttribute("position", Integer.toString(p.position()));
			}
		}

		String at(int position) {
			return byPosition.get(position);
		}

	}

}
