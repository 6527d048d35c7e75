package quire.report.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import quire.corpus.CorpusService;
import quire.corpus.DocumentSummary;
import quire.project.ProjectId;
import quire.report.CollectionSession;
import quire.report.MemberCheck;
import quire.report.StudyRecordService;
import quire.report.TeamMember;
import quire.ui.Notifications;

/**
 * The study record behind COREQ items 1–5, 14, 15, 19–21, 23 and 28: the research team, each
 * data-collection session and the member-checking log, each listed with an Add dialog and Remove.
 */
class StudyRecordPanel extends Div {

	private final StudyRecordService record;

	private final CorpusService corpus;

	private final ProjectId project;

	private final Runnable changed;

	StudyRecordPanel(StudyRecordService record, CorpusService corpus, ProjectId project, Runnable changed) {
		this.record = record;
		this.corpus = corpus;
		this.project = project;
		this.changed = changed;
		setId("study-record");
		render();
	}

	private void render() {
		removeAll();
		add(new H3("Study record"), new Paragraph("The research team, the data-collection sessions and the member checks; "
				+ "the checklist and the report take their answers from here."));
		NativeTable team = table(List.of("Name", "Role", "Credentials", "Occupation", "Gender", "Experience and training", ""));
		for (TeamMember t : record.team(project)) {
			row(team, List.of(t.name(), t.role(), t.credentials(), t.occupation(), t.gender(), t.experience()),
					() -> record.removeTeamMember(t.id()));
		}
		Button addMember = new Button("Add team member…", e -> addMember());
		addMember.setId("add-team-member");
		NativeTable sessions = table(List.of("Date", "Transcript", "Moderator", "Co-moderator", "Setting", "Others present",
				"Recording", "Field notes", "Minutes", ""));
		for (CollectionSession s : record.sessions(project)) {
			String doc = s.document() == null ? "" : corpus.document(s.document()).map(DocumentSummary::name).orElse("");
			row(sessions, List.of(s.heldOn() == null ? "" : s.heldOn().toString(), doc, s.moderator(), s.coModerator(), s.setting(),
					s.othersPresent(), s.recording(), s.fieldNotes(), s.durationMinutes() == null ? "from timestamps" : s.durationMinutes().toString()),
					() -> record.removeSession(s.id()));
		}
		Button addSession = new Button("Add session…", e -> addSession());
		addSession.setId("add-collection-session");
		NativeTable checks = table(List.of("Who", "Read", "On", "Response", ""));
		for (MemberCheck c : record.memberChecks(project)) {
			row(checks, List.of(c.who(), c.what(), c.checkedOn() == null ? "" : c.checkedOn().toString(), c.response()),
					() -> record.removeMemberCheck(c.id()));
		}
		Button addCheck = new Button("Add member check…", e -> addCheck());
		addCheck.setId("add-member-check");
		add(new Paragraph("Research team"), team, addMember, new Paragraph("Data-collection sessions"), sessions, addSession,
				new Paragraph("Member checking (transcripts returned, results read)"), checks, addCheck);
	}

	private static NativeTable table(List<String> header) {
		NativeTable t = new NativeTable();
		t.addClassName("quire-matrix");
		NativeTableRow head = t.getHead().addRow();
		header.forEach(h -> head.addHeaderCell().setText(h));
		return t;
	}

	private void row(NativeTable t, List<String> cells, Runnable remove) {
		NativeTableRow r = t.getBody().addRow();
		cells.forEach(c -> r.addDataCell().setText(c));
		Button delete = new Button("Remove", e -> {
			remove.run();
			render();
			changed.run();
		});
		delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL, ButtonVariant.ERROR);
		r.addDataCell().add(delete);
	}

	private void addMember() {
		TextField name = new TextField("Name");
		name.setId("member-name");
		TextField role = new TextField("Role (moderator, co-moderator, analyst…)");
		role.setId("member-role");
		TextField credentials = new TextField("Credentials");
		TextField occupation = new TextField("Occupation");
		TextField gender = new TextField("Gender");
		TextField experience = new TextField("Experience and training");
		dialog("Add a team member", List.of(name, role, credentials, occupation, gender, experience), () -> record.addTeamMember(project,
				name.getValue(), role.getValue(), credentials.getValue(), occupation.getValue(), gender.getValue(), experience.getValue()));
	}

	private void addSession() {
		ComboBox<DocumentSummary> doc = new ComboBox<>("Transcript");
		doc.setItems(corpus.documents(project));
		doc.setItemLabelGenerator(DocumentSummary::name);
		DatePicker date = new DatePicker("Date");
		TextField moderator = new TextField("Moderator");
		TextField coModerator = new TextField("Co-moderator");
		TextField setting = new TextField("Setting");
		TextField others = new TextField("Others present");
		TextField recording = new TextField("Recording");
		TextField notes = new TextField("Field notes");
		IntegerField minutes = new IntegerField("Minutes (empty: from the transcript's timestamps)");
		dialog("Add a data-collection session", List.of(doc, date, moderator, coModerator, setting, others, recording, notes, minutes),
				() -> record.addSession(project, doc.getValue() == null ? null : doc.getValue().id(), date.getValue(), moderator.getValue(),
						coModerator.getValue(), setting.getValue(), others.getValue(), recording.getValue(), notes.getValue(),
						minutes.getValue()));
	}

	private void addCheck() {
		TextField who = new TextField("Who");
		TextField what = new TextField("Read what (a transcript, the results…)");
		DatePicker on = new DatePicker("On");
		TextField response = new TextField("Their response");
		dialog("Add a member check", List.of(who, what, on, response),
				() -> record.addMemberCheck(project, who.getValue(), what.getValue(), on.getValue(), response.getValue()));
	}

	private void dialog(String title, List<? extends com.vaadin.flow.component.Component> fields, Runnable save) {
		Dialog d = new Dialog();
		d.setHeaderTitle(title);
		d.setWidth("34em");
		VerticalLayout layout = new VerticalLayout();
		fields.forEach(f -> {
			if (f instanceof com.vaadin.flow.component.HasSize s) {
				s.setWidthFull();
			}
			layout.add(f);
		});
		d.add(layout);
		Button ok = new Button("Save", e -> {
			try {
				save.run();
				d.close();
				render();
				changed.run();
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		ok.setId("record-save");
		ok.addThemeVariants(ButtonVariant.PRIMARY);
		d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
		d.open();
	}

}
