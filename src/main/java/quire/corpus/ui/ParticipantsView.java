package quire.corpus.ui;

import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Set;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import quire.corpus.Attribute;
import quire.corpus.AttributeKind;
import quire.corpus.CorpusService;
import quire.corpus.LinkOrigin;
import quire.corpus.ParticipantRow;
import quire.corpus.ParticipantService;
import quire.corpus.SpeakerLink;
import quire.corpus.SpeakerLinkService;
import quire.project.Project;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * Participants (cases) with their typed attributes in a grid: define attributes (text, number, date,
 * category with ordered values), select participants and set an attribute for all of them at once,
 * add participants who have no transcript (questionnaire respondents). Below, every speaker of every
 * document with the participant it is linked to: a click opens {@link SpeakerLinkDialog} to link,
 * unlink, or review a proposal (same label, maybe the same person).
 */
@PermitAll
@Route(value = "participants", layout = MainLayout.class)
@PageTitle("Participants")
@Menu(order = 1.5, title = "Participants", icon = "vaadin:user-card")
class ParticipantsView extends ProjectPage {

	private final ParticipantService participants;

	private final Grid<ParticipantRow> grid = new Grid<>();

	private final Span count = new Span();

	private final SpeakerLinkService speakers;

	private final CorpusService corpus;

	private final Grid<SpeakerLink> links = new Grid<>();

	private final Checkbox onlyProposals = new Checkbox();

	ParticipantsView(ParticipantService participants, CurrentProject current, SpeakerLinkService speakers,
			CorpusService corpus) {
		super(current);
		this.speakers = speakers;
		this.corpus = corpus;
		this.participants = participants;
		addClassName("quire-page");
		setWidthFull();
	}

	@Override
	protected void enter(Project p, BeforeEnterEvent event) {
		removeAll();
		Button define = new Button("New attribute…", e -> defineAttribute(p));
		define.setId("new-attribute");
		Button set = new Button("Set for selected…", e -> setForSelected(p));
		set.setId("set-attribute");
		set.addThemeVariants(ButtonVariant.PRIMARY);
		TextField label = new TextField();
		label.setPlaceholder("Participant id or name");
		label.setId("new-participant");
		Button add = new Button("Add participant", e -> {
			try {
				participants.addParticipant(p.id(), label.getValue());
				label.clear();
				refresh(p);
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		HorizontalLayout bar = new HorizontalLayout(define, set, label, add);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		count.setId("participant-count");
		grid.setId("participants");
		grid.setSelectionMode(Grid.SelectionMode.MULTI);
		grid.setHeight("70vh");
		add(new H2("Participants · " + p.name()),
				new Paragraph("Each speaker of a transcript is linked to a participant; add others (for example "
						+ "questionnaire respondents) by id. Select rows, then set an attribute for all of them."),
				bar, count, grid, createSpeakers(p));
		refresh(p);
	}

	private void refresh(Project p) {
		List<Attribute> attributes = participants.attributes(p.id());
		grid.removeAllColumns();
		grid.addColumn(r -> r.participant().label()).setHeader("Participant").setFrozen(true).setAutoWidth(true)
			.setSortable(true);
		grid.addColumn(r -> r.participant().turns()).setHeader("Turns").setAutoWidth(true).setSortable(true);
		for (Attribute a : attributes) {
			grid.addColumn(r -> r.value(a)).setHeader(a.name()).setAutoWidth(true).setSortable(true)
				.setTooltipGenerator(r -> a.kind().label() + (a.categories().isEmpty() ? "" : ": " + String.join(", ", a.categories())));
		}
		List<ParticipantRow> rows = participants.participants(p.id());
		grid.setItems(rows);
		count.setText(rows.size() + " participants, " + attributes.size() + " attributes");
		List<SpeakerLink> all = speakers.links(p.id());
		long proposals = all.stream().filter(l -> l.origin() == LinkOrigin.PROPOSED).count();
		onlyProposals.setLabel("Only proposals to review (" + proposals + ")");
		links.setItems(onlyProposals.getValue() ? all.stream().filter(l -> l.origin() == LinkOrigin.PROPOSED).toList() : all);
	}

	/**
	 * Speakers by document: which participant speaks under each label of each document. A role label
	 * is a different person in each document unless linked; a person-like label seen before is
	 * proposed as the same person, for review.
	 */
	private VerticalLayout createSpeakers(Project p) {
		links.setId("speaker-links");
		links.removeAllColumns();
		links.addColumn(SpeakerLink::documentName).setHeader("Document").setAutoWidth(true).setSortable(true);
		links.addColumn(SpeakerLink::speaker).setHeader("Speaker").setAutoWidth(true).setSortable(true);
		links.addColumn(SpeakerLink::participantLabel).setHeader("Participant").setAutoWidth(true).setSortable(true);
		links.addColumn(l -> l.origin().label()).setHeader("Link").setAutoWidth(true).setSortable(true);
		links.addColumn(SpeakerLink::turns).setHeader("Turns").setAutoWidth(true);
		links.setHeight("50vh");
		links.addItemClickListener(e -> SpeakerLinkDialog.open(speakers, corpus, e.getItem().document(), e.getItem().speaker(),
				() -> refresh(p)));
		onlyProposals.setId("only-proposals");
		onlyProposals.addValueChangeListener(e -> refresh(p));
		VerticalLayout section = new VerticalLayout(new H3("Speakers by document"),
				new Paragraph("A role label (Client, Sick-listed worker, Moderator, P3 …) is a different person in each "
						+ "document unless you link it; a name seen in another document is proposed as the same person "
						+ "for you to accept or reject. Click a row to link, unlink or review."),
				onlyProposals, links);
		section.setPadding(false);
		return section;
	}

	private void defineAttribute(Project p) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("New attribute");
		TextField name = new TextField("Name");
		name.setId("attribute-name");
		Select<AttributeKind> kind = new Select<>();
		kind.setLabel("Type");
		kind.setItems(AttributeKind.values());
		kind.setItemLabelGenerator(AttributeKind::label);
		kind.setValue(AttributeKind.CATEGORY);
		kind.setId("attribute-kind");
		TextArea categories = new TextArea("Values, one per line, in order (for a category)");
		categories.setId("attribute-categories");
		categories.setWidthFull();
		Button save = new Button("Save", e -> {
			try {
				participants.defineAttribute(p.id(), name.getValue(), kind.getValue(),
						Arrays.asList(categories.getValue().split("\\R")));
				dialog.close();
				refresh(p);
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("save-attribute");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(name, kind, categories));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
		dialog.setWidth("28em");
		dialog.open();
	}

	private void setForSelected(Project p) {
		Set<ParticipantRow> selected = grid.getSelectedItems();
		if (selected.isEmpty()) {
			Notifications.error("Select one or more participants first.");
			return;
		}
		List<Attribute> attributes = participants.attributes(p.id());
		if (attributes.isEmpty()) {
			Notifications.error("Define an attribute first.");
			return;
		}
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Set an attribute for " + selected.size() + " participant" + (selected.size() == 1 ? "" : "s"));
		Select<Attribute> attribute = new Select<>();
		attribute.setLabel("Attribute");
		attribute.setItems(attributes);
		attribute.setItemLabelGenerator(Attribute::name);
		attribute.setValue(attributes.get(0));
		attribute.setId("set-which");
		ComboBox<String> value = new ComboBox<>("Value (empty clears it)");
		value.setAllowCustomValue(true);
		value.addCustomValueSetListener(e -> value.setValue(e.getDetail()));
		value.setId("set-value");
		value.setItems(attributes.get(0).categories());
		attribute.addValueChangeListener(e -> value.setItems(e.getValue() == null ? List.of() : e.getValue().categories()));
		Button save = new Button("Set", e -> {
			try {
				int n = participants.setValue(selected.stream().map(r -> r.participant().id()).toList(), attribute.getValue(),
						value.getValue());
				dialog.close();
				refresh(p);
				Notifications.success("Set '" + attribute.getValue().name() + "' for " + n + " participant" + (n == 1 ? "" : "s") + ".");
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("save-value");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		dialog.add(new VerticalLayout(attribute, value));
		dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
		dialog.open();
	}

}
