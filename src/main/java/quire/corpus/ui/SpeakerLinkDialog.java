package quire.corpus.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import quire.corpus.CorpusService;
import quire.corpus.DocumentId;
import quire.corpus.LinkOrigin;
import quire.corpus.Participant;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.ui.Notifications;

/**
 * Who speaks under one label of one document: shows the participant the speaker is linked to and
 * lets the researcher link it to another participant, give it a participant of its own for this
 * document, or accept or reject a proposal. Opened from the Participants page and by a click on a
 * speaker in the transcript; {@code changed} runs after a change.
 */
public final class SpeakerLinkDialog extends Dialog {

	private final SpeakerLinkService speakers;

	private final Runnable changed;

	private SpeakerLinkDialog(SpeakerLinkService speakers, CorpusService corpus, SpeakerLink link, Runnable changed) {
		this.speakers = speakers;
		this.changed = changed;
		setId("speaker-link-dialog");
		setHeaderTitle("Speaker “" + link.speaker() + "” in " + link.documentName());
		Paragraph now = new Paragraph("Linked to " + link.participantLabel() + " (" + link.origin().label() + "), "
				+ link.turns() + " turn" + (link.turns() == 1 ? "" : "s") + " in this document.");
		now.setId("speaker-link-now");
		Paragraph rule = new Paragraph("A role label (Client, Sick-listed worker, Moderator, P3 …) is a different person in "
				+ "each document unless you link it here.");
		rule.addClassName("quire-meta");
		ComboBox<Participant> to = new ComboBox<>("Link to participant");
		to.setId("speaker-link-to");
		List<Participant> people = corpus.participants(speakersProject(corpus, link.document()));
		to.setItems(people);
		to.setItemLabelGenerator(p -> p.label() + " (" + p.turns() + " turns)");
		to.setWidthFull();
		people.stream().filter(p -> p.id() == link.participantId()).findFirst().ifPresent(to::setValue);
		Button save = new Button("Link", e -> act(() -> {
			if (to.getValue() == null) {
				throw new IllegalArgumentException("Choose the participant who speaks as “" + link.speaker() + "” here.");
			}
			return speakers.link(link.document(), link.speaker(), to.getValue().id());
		}));
		save.setId("speaker-link-save");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		Button own = new Button("Own participant for this document", e -> act(() -> speakers.unlink(link.document(), link.speaker())));
		own.setId("speaker-link-own");
		add(new VerticalLayout(now, rule, to));
		getFooter().add(new Button("Cancel", e -> close()), own);
		if (link.origin() == LinkOrigin.PROPOSED) {
			Button accept = new Button("Accept: same person", e -> act(() -> speakers.accept(link.document(), link.speaker())));
			accept.setId("speaker-link-accept");
			Button reject = new Button("Reject", e -> act(() -> speakers.reject(link.document(), link.speaker())));
			reject.setId("speaker-link-reject");
			getFooter().add(reject, accept);
		}
		getFooter().add(save);
		setWidth("34em");
	}

	/**
	 * Opens the dialog for a speaker of a document.
	 * @throws IllegalArgumentException when the document has no such speaker
	 */
	public static SpeakerLinkDialog open(SpeakerLinkService speakers, CorpusService corpus, DocumentId document,
			String speaker, Runnable changed) {
		SpeakerLink link = speakers.link(document, speaker)
			.orElseThrow(() -> new IllegalArgumentException("This document has no speaker “" + speaker + "”."));
		SpeakerLinkDialog dialog = new SpeakerLinkDialog(speakers, corpus, link, changed);
		dialog.open();
		return dialog;
	}

	private void act(java.util.function.Supplier<SpeakerLink> action) {
		try {
			SpeakerLink after = action.get();
			close();
			Notifications.success("“" + after.speaker() + "” in " + after.documentName() + " is now " + after.participantLabel()
					+ " (" + after.origin().label() + ").");
			changed.run();
		}
		catch (IllegalArgumentException ex) {
			Notifications.error(ex.getMessage());
		}
	}

	private static quire.project.ProjectId speakersProject(CorpusService corpus, DocumentId document) {
		return corpus.document(document).orElseThrow(() -> new IllegalArgumentException("no document with id " + document.value()))
			.projectId();
	}

}
