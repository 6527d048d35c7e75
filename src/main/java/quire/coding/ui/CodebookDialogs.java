package quire.coding.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.jspecify.annotations.Nullable;

import quire.coding.Code;
import quire.coding.CodeId;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.corpus.Attribute;
import quire.corpus.CorpusService;
import quire.corpus.Participant;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.project.Project;
import quire.ui.CurrentCoder;
import quire.ui.Notifications;

/**
 * The codebook page's dialogs that change codes: merge one code into another, code every turn of
 * some speakers, and delete (after showing what is lost). Each reports back through {@code refresh}
 * with the code the tree should select afterwards.
 */
class CodebookDialogs {

	private final CodebookService codebook;

	private final CodingService codings;

	private final CorpusService corpus;

	private final ParticipantService participants;

	private final SpeakerLinkService speakerLinks;

	private final CurrentCoder coder;

	private final Consumer<@Nullable CodeId> refresh;

	CodebookDialogs(CodebookService codebook, CodingService codings, CorpusService corpus, ParticipantService participants,
			SpeakerLinkService speakerLinks, CurrentCoder coder, Consumer<@Nullable CodeId> refresh) {
		this.codebook = codebook;
		this.codings = codings;
		this.corpus = corpus;
		this.participants = participants;
		this.speakerLinks = speakerLinks;
		this.coder = coder;
		this.refresh = refresh;
	}

	void merge(Project p, Code source) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Merge '" + source.name() + "' into another code");
		ComboBox<Code> target = new ComboBox<>("Into");
		target.setId("merge-target");
		target.setItems(codebook.codes(p.id(), source.system()).stream().filter(c -> !c.id().equals(source.id())).toList());
		target.setItemLabelGenerator(Code::path);
		target.setWidthFull();
		dialog.add(new Paragraph("Its codings and sub-codes move to the chosen code; then '" + source.name()
				+ "' is deleted."), target);
		Button ok = new Button("Merge", e -> {
			if (target.getValue() == null) {
				Notifications.error("Choose the code to merge into.");
				return;
			}
			try {
				int moved = codebook.merge(source.id(), target.getValue().id());
				dialog.close();
				refresh.accept(target.getValue().id());
				Notifications.success("Merged: " + moved + " codings moved to '" + target.getValue().name() + "'.");
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		ok.setId("confirm-merge");
		ok.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
		dialog.setWidth("32em");
		dialog.open();
	}

	/** Auto-coding: every turn of the chosen speakers, after showing how many codings that makes. */
	void autoCodeSpeakers(Code code) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Code every turn of some speakers with '" + code.name() + "'");
		MultiSelectComboBox<String> speakers = new MultiSelectComboBox<>("Speakers");
		speakers.setId("auto-speakers");
		speakers.setItems(corpus.speakers(code.projectId())); // labels as in the transcripts, not participants
		speakers.setWidthFull();
		// or every speaker with a value of a participant attribute, e.g. Group = MI
		Select<String> byValue = new Select<>();
		byValue.setLabel("Or all speakers whose attribute has the value");
		byValue.setId("auto-attribute");
		List<String> options = new ArrayList<>();
		Map<String, Set<String>> members = new HashMap<>();
		List<SpeakerLink> links = speakerLinks.links(code.projectId());
		for (Attribute a : participants.attributes(code.projectId())) {
			participants.groupBy(code.projectId(), a).forEach((value, people) -> {
				if (!people.isEmpty() && !"(not set)".equals(value)) {
					String option = a.name() + " = " + value;
					options.add(option);
					// the speaker labels linked to these participants (speakers are per document)
					Set<Long> ids = people.stream().map(Participant::id).collect(java.util.stream.Collectors.toSet());
					members.put(option, links.stream().filter(l -> ids.contains(l.participantId())).map(SpeakerLink::speaker)
						.collect(java.util.stream.Collectors.toSet()));
				}
			});
		}
		byValue.setItems(options);
		byValue.setEmptySelectionAllowed(true);
		byValue.setWidthFull();
		byValue.addValueChangeListener(e -> {
			if (e.getValue() != null) {
				Set<String> speaking = new HashSet<>(corpus.speakers(code.projectId()));
				speaking.retainAll(members.getOrDefault(e.getValue(), Set.of()));
				speakers.setValue(speaking);
			}
		});
		Span preview = new Span("Choose one or more speakers.");
		preview.setId("auto-preview");
		speakers.addValueChangeListener(e -> {
			int n = e.getValue().isEmpty() ? 0
					: codings.previewSpeakers(code.projectId(), e.getValue(), code.id(), coder.name());
			preview.setText("This makes " + n + " new coding" + (n == 1 ? "" : "s") + " as " + coder.name()
					+ " (turns already coded so are skipped).");
		});
		Button ok = new Button("Code them", e -> {
			if (speakers.getValue().isEmpty()) {
				Notifications.error("Choose at least one speaker.");
				return;
			}
			int made = codings.codeSpeakers(code.projectId(), speakers.getValue(), code.id(), coder.name());
			dialog.close();
			refresh.accept(code.id());
			Notifications.success("Made " + made + " coding" + (made == 1 ? "" : "s") + ".");
		});
		ok.setId("auto-confirm");
		ok.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(byValue, speakers, preview));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
		dialog.setWidth("32em");
		dialog.open();
	}

	void delete(Code c) {
		var impact = codebook.deleteImpact(c.id());
		ConfirmDialog confirm = new ConfirmDialog("Delete '" + c.name() + "'?", impact.describe(), "Delete", e -> {
			codebook.delete(c.id());
			refresh.accept(null);
			Notifications.success("Deleted '" + c.name() + "'.");
		});
		confirm.setCancelable(true);
		confirm.setConfirmButtonTheme("error primary");
		confirm.setId("confirm-delete");
		confirm.open();
	}

}
