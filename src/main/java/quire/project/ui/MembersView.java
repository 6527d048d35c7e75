package quire.project.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import jakarta.annotation.security.PermitAll;
import quire.project.AuditEntry;
import quire.project.AuditLog;
import quire.project.Member;
import quire.project.Project;
import quire.project.ProjectAccess;
import quire.project.ProjectRole;
import quire.security.AccessRefusedException;
import quire.security.UserAccount;
import quire.security.UserService;
import quire.ui.CurrentProject;
import quire.ui.MainLayout;
import quire.ui.Notifications;
import quire.ui.ProjectPage;

/**
 * The project's team: members and their roles (owners change them) and, for owners, the audit log
 * of who imported, coded, deleted and exported what, with a CSV download.
 */
@PermitAll
@Route(value = "members", layout = MainLayout.class)
@PageTitle("Members and audit log")
@Menu(order = 8.5, title = "Members", icon = "vaadin:users")
class MembersView extends ProjectPage {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
		.withZone(ZoneId.systemDefault());

	private static final int AUDIT_ROWS = 500;

	private final ProjectAccess access;

	private final AuditLog audit;

	private final UserService users;

	private final Grid<Member> members = new Grid<>(Member.class, false);

	private final Grid<AuditEntry> log = new Grid<>(AuditEntry.class, false);

	MembersView(ProjectAccess access, AuditLog audit, UserService users, CurrentProject current) {
		super(current);
		this.access = access;
		this.audit = audit;
		this.users = users;
		addClassName("quire-page");
	}

	@Override
	protected void enter(Project project, BeforeEnterEvent event) {
		removeAll();
		boolean owner = access.can(project.id(), ProjectRole.OWNER);
		add(new H2("Members of " + project.name()), new Paragraph("Owners manage members, read the audit log and may "
				+ "delete documents; coders import, code, write memos and score MITI; viewers read, search and export "
				+ "reports. A person sees only the projects they are a member of."));
		add(createMembers(project, owner));
		if (owner) {
			add(createAddMember(project), createAudit(project));
		}
		refresh(project);
	}

	private Grid<Member> createMembers(Project project, boolean owner) {
		members.setId("members");
		members.addColumn(Member::username).setHeader("User").setAutoWidth(true);
		members.addColumn(Member::displayName).setHeader("Name").setFlexGrow(2);
		if (owner) {
			members.addComponentColumn(m -> roleSelect(project, m)).setHeader("Role").setAutoWidth(true);
			members.addComponentColumn(m -> {
				Button remove = new Button("Remove", e -> run(project, () -> access.revoke(project.id(), m.username())));
				remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
				return remove;
			}).setAutoWidth(true).setFlexGrow(0);
		}
		else {
			members.addColumn(m -> m.role().label()).setHeader("Role").setAutoWidth(true);
		}
		members.setAllRowsVisible(true);
		return members;
	}

	private Select<ProjectRole> roleSelect(Project project, Member m) {
		Select<ProjectRole> role = new Select<>();
		role.setItems(ProjectRole.values());
		role.setItemLabelGenerator(ProjectRole::label);
		role.setValue(m.role());
		role.addValueChangeListener(e -> {
			if (e.isFromClient() && e.getValue() != null) {
				run(project, () -> access.grant(project.id(), m.username(), e.getValue()));
			}
		});
		return role;
	}

	private HorizontalLayout createAddMember(Project project) {
		ComboBox<UserAccount> who = new ComboBox<>("Add a person");
		who.setId("add-member-user");
		who.setItems(users.list().stream().filter(UserAccount::enabled).toList());
		who.setItemLabelGenerator(u -> u.displayName().equals(u.username()) ? u.username()
				: u.displayName() + " (" + u.username() + ")");
		Select<ProjectRole> role = new Select<>();
		role.setLabel("as");
		role.setId("add-member-role");
		role.setItems(ProjectRole.values());
		role.setItemLabelGenerator(ProjectRole::label);
		role.setValue(ProjectRole.CODER);
		Button add = new Button("Add", e -> {
			if (who.getValue() == null) {
				Notifications.error("Choose a person to add.");
				return;
			}
			run(project, () -> access.grant(project.id(), who.getValue().username(), role.getValue()));
			who.clear();
		});
		add.setId("add-member");
		add.addThemeVariants(ButtonVariant.PRIMARY);
		HorizontalLayout row = new HorizontalLayout(who, role, add);
		row.setAlignItems(FlexComponent.Alignment.BASELINE);
		return row;
	}

	private Div createAudit(Project project) {
		log.setId("audit-log");
		log.addColumn(e -> TIME.format(e.at())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
		log.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
		log.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
		log.addColumn(AuditEntry::target).setHeader("What").setFlexGrow(1);
		log.setHeight("28rem");
		Anchor csv = new Anchor(DownloadHandler.fromInputStream(e -> {
			byte[] bytes = audit.csv(project.id()).getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes), "audit-log.csv", "text/csv", bytes.length);
		}), "Download the whole log (CSV)");
		csv.getElement().setAttribute("download", true);
		csv.setId("audit-csv");
		Div panel = new Div(new H3("Audit log"), new Paragraph("The newest " + AUDIT_ROWS + " entries; the download has "
				+ "all of them."), csv, log);
		panel.addClassName("quire-panel");
		return panel;
	}

	private void run(Project project, Runnable action) {
		try {
			action.run();
		}
		catch (IllegalArgumentException | AccessRefusedException ex) {
			Notifications.error(ex.getMessage());
		}
		refresh(project);
	}

	private void refresh(Project project) {
		members.setItems(access.members(project.id()));
		if (access.can(project.id(), ProjectRole.OWNER)) {
			log.setItems(audit.entries(project.id(), AUDIT_ROWS));
		}
	}

}
