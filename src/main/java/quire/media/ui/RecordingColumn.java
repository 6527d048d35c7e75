package quire.media.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;

import quire.corpus.DocumentSummary;
import quire.corpus.ui.DocumentColumn;
import quire.media.MediaService;
import quire.media.Recording;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.ui.Notifications;

/**
 * The Documents page's "Recording" column: the attached recording's format and length, and for coders
 * and owners "Attach…" (a dialog with an upload; the type is read from the content) and "Detach".
 */
@Component
class RecordingColumn implements DocumentColumn {

	private final MediaService media;

	private final ProjectAccess access;

	RecordingColumn(MediaService media, ProjectAccess access) {
		this.media = media;
		this.access = access;
	}

	@Override
	public String header() {
		return "Recording";
	}

	@Override
	public com.vaadin.flow.component.Component cell(DocumentSummary d, Runnable refresh) {
		boolean coder = access.can(d.projectId(), ProjectRole.CODER);
		Div cell = new Div();
		cell.getStyle().set("display", "flex").set("gap", "0.3em").set("align-items", "center");
		var recording = media.find(d.id());
		if (recording.isPresent()) {
			Recording r = recording.get();
			Span what = new Span(r.format().name().toLowerCase(java.util.Locale.ROOT) + " · " + r.durationText());
			what.getElement().setAttribute("title", r.describe());
			what.setId("recording-of-" + d.id().value());
			cell.add(what);
		}
		if (coder) {
			Button attach = new Button(recording.isPresent() ? "Replace…" : "Attach…", e -> attachDialog(d, refresh));
			attach.addThemeVariants(ButtonVariant.TERTIARY);
			attach.setId("attach-recording-" + d.id().value());
			cell.add(attach);
			if (recording.isPresent()) {
				Button detach = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
					media.detach(d.id());
					Notifications.success("Detached the recording of " + d.name() + ".");
					refresh.run();
				});
				detach.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
				detach.setAriaLabel("Detach the recording of " + d.name());
				detach.setTooltipText("Detach the recording");
				cell.add(detach);
			}
		}
		return cell;
	}

	private void attachDialog(DocumentSummary d, Runnable refresh) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Attach a recording to " + d.name());
		Paragraph help = new Paragraph("mp3, m4a/aac, wav, ogg/opus, mp4 or webm, up to "
				+ (media.maxBytes() / 1_048_576) + " MB. The type is read from the file's content, not its name.");
		Div log = new Div();
		log.setId("attach-log");
		UI ui = UI.getCurrent();
		Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
			String message;
			boolean ok;
			try (InputStream in = Files.newInputStream(file.toPath())) {
				Recording r = media.attach(d.id(), metadata.fileName(), in);
				message = "Attached " + r.describe();
				ok = true;
			}
			catch (IllegalArgumentException | IOException ex) {
				message = "Not attached: " + ex.getMessage();
				ok = false;
			}
			finally {
				Files.deleteIfExists(file.toPath());
			}
			String line = message;
			boolean success = ok;
			ui.access(() -> {
				log.setText(line);
				if (success) {
					Notifications.success(line);
					dialog.close();
					refresh.run();
				}
			});
		}));
		upload.setId("recording-upload");
		upload.setMaxFiles(1);
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, media.maxBytes()));
		upload.addFileRejectedListener(e -> log.setText(e.getFileName() + ": " + e.getErrorMessage()));
		dialog.add(help, upload, log);
		dialog.getFooter().add(new Button("Close", e -> dialog.close()));
		dialog.open();
	}

}
