package quire.coding.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

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
import quire.coding.SpeakerCoding;
import quire.coding.SpeakerCoding.DocumentSpeaker;
import quire.corpus.Attribute;
import quire.corpus.Participant;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.project.Project;
import quire.ui.CurrentCoder;
import quire.ui.Notifications;

/**
 * The codebook page's dialogs that change codes: merge one code into another, code every turn of
 * some speakers (each in its own document), and delete (after showing what is lost). Each reports back through {@code refresh}
 * with the code the tree should select afterwards.
 */
class CodebookDialogs {

	private final CodebookService codebook;

	private final SpeakerCoding speakerCoding;

	private final ParticipantService participants;

	private final SpeakerLinkService speakerLinks;

	private final CurrentCoder coder;

	private final Consumer<@Nullable CodeId> refresh;

	CodebookDialogs(CodebookService codebook, SpeakerCoding speakerCoding, ParticipantService participants,
			SpeakerLinkService speakerLinks, CurrentCoder coder, Consumer<@Nullable CodeId> refresh) {
		this.codebook = codebook;
		this.speakerCoding = speakerCoding;
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

	/**
	 * Auto-coding: every turn of the chosen speakers, after saying how many turns in how many documents
	 * that codes. A speaker is a label in one document ("Caseworker 1 — interview-04"): a role label
	 * is a different person in each document, so the dialog never offers a label project-wide. People
	 * (participants) and attribute values choose the speakers their speaker links reach.
	 */
	void autoCodeSpeakers(Code code) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Code every turn of some speakers with '" + code.name() + "'");
		List<SpeakerLink> links = speakerLinks.links(code.projectId()).stream().filter(l -> l.turns() > 0).toList();
		MultiSelectComboBox<SpeakerLink> speakers = new MultiSelectComboBox<>("Speakers, each in its own document");
		speakers.setId("auto-speakers");
		speakers.setItems(links);
		speakers.setItemLabelGenerator(l -> l.speaker() + " — " + l.documentName() + " (" + l.turns()
				+ (l.turns() == 1 ? " turn)" : " turns)"));
		speakers.setWidthFull();
		// or a person, in every document a speaker link ties them to
		Map<Long, List<SpeakerLink>> byPerson = links.stream()
			.collect(Collectors.groupingBy(SpeakerLink::participantId, LinkedHashMap::new, Collectors.toList()));
		MultiSelectComboBox<Long> people = new MultiSelectComboBox<>("Or people, in every document linked to them");
		people.setId("auto-people");
		people.setItems(byPerson.keySet());
		people.setItemLabelGenerator(id -> {
			List<SpeakerLink> of = byPerson.get(id);
			return of.getFirst().participantLabel() + " (" + of.size() + (of.size() == 1 ? " document)" : " documents)");
		});
		people.setWidthFull();
		people.addValueChangeListener(e -> {
			if (!e.getValue().isEmpty()) {
				speakers.setValue(linksOf(byPerson, e.getValue()));
			}
		});
		// or every person with a value of a participant attribute, e.g. Group = MI
		Select<String> byValue = new Select<>();
		byValue.setLabel("Or all people whose attribute has the value");
		byValue.setId("auto-attribute");
		List<String> options = new ArrayList<>();
		Map<String, Set<Long>> members = new HashMap<>();
		for (Attribute a : participants.attributes(code.projectId())) {
			participants.groupBy(code.projectId(), a).forEach((value, those) -> {
				if (!those.isEmpty() && !"(not set)".equals(value)) {
					String option = a.name() + " = " + value;
					options.add(option);
					members.put(option, those.stream().map(Participant::id).collect(Collectors.toSet()));
				}
			});
		}
		byValue.setItems(options);
		byValue.setEmptySelectionAllowed(true);
		byValue.setWidthFull();
		byValue.addValueChangeListener(e -> {
			if (e.getValue() != null) {
				speakers.setValue(linksOf(byPerson, members.getOrDefault(e.getValue(), Set.of())));
			}
		});
		Span preview = new Span("Choose one or more speakers.");
		preview.setId("auto-preview");
		speakers.addValueChangeListener(e -> {
			if (e.getValue().isEmpty()) {
				preview.setText("Choose one or more speakers.");
				return;
			}
			try {
				preview.setText("This codes " + speakerCoding.preview(code.projectId(), chosen(e.getValue()), code.id(),
						coder.name()).describe(coder.name()));
			}
			catch (IllegalArgumentException ex) {
				preview.setText(ex.getMessage());
			}
		});
		Button ok = new Button("Code them", e -> {
			if (speakers.getValue().isEmpty()) {
				Notifications.error("Choose at least one speaker.");
				return;
			}
			try {
				var what = chosen(speakers.getValue());
				var scope = speakerCoding.preview(code.projectId(), what, code.id(), coder.name());
				int made = speakerCoding.code(code.projectId(), what, code.id(), coder.name());
				dialog.close();
				refresh.accept(code.id());
				Notifications.success("Coded " + new SpeakerCoding.Preview(scope.turns(), scope.documents(), made)
					.describe(coder.name()));
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		ok.setId("auto-confirm");
		ok.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(speakers, people, byValue, preview));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
		dialog.setWidth("36em");
		dialog.open();
	}

	private static Set<SpeakerLink> linksOf(Map<Long, List<SpeakerLink>> byPerson, Set<Long> persons) {
		Set<SpeakerLink> out = new LinkedHashSet<>();
		persons.forEach(p -> out.addAll(byPerson.getOrDefault(p, List.of())));
		return out;
	}

	private static List<DocumentSpeaker> chosen(Set<SpeakerLink> links) {
		return links.stream().map(l -> new DocumentSpeaker(l.document(), l.speaker())).toList();
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
