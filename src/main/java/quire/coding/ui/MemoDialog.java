package quire.coding.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import quire.coding.Memo;
import quire.coding.MemoService;
import quire.coding.MemoTarget;
import quire.project.ProjectId;
import quire.ui.Notifications;

/** Lists the memos on one target (a document, code, coding, or the project journal) and writes new ones. */
class MemoDialog extends Dialog {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
		.withZone(ZoneId.systemDefault());

	private final MemoService memos;

	private final ProjectId project;

	private final MemoTarget target;

	private final @Nullable Long targetId;

	private final String author;

	private final Div list = new Div();

	MemoDialog(MemoService memos, ProjectId project, MemoTarget target, @Nullable Long targetId, String title,
			String author) {
		this.memos = memos;
		this.project = project;
		this.target = target;
		this.targetId = targetId;
		this.author = author;
		setHeaderTitle(title);
		setWidth("40em");
		list.addClassName("quire-memos");
		list.setId("memo-list");
		TextField heading = new TextField("Title");
		heading.setWidthFull();
		TextArea body = new TextArea("Memo");
		body.setId("memo-body");
		body.setWidthFull();
		body.setMinHeight("8em");
		Button save = new Button("Save memo", e -> {
			try {
				memos.write(project, target, targetId, author, heading.getValue(), body.getValue());
				heading.clear();
				body.clear();
				render();
				Notifications.success("Memo saved.");
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("save-memo");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		add(list, heading, body);
		getFooter().add(new Button("Close", e -> close()), save);
		render();
	}

	private void render() {
		list.removeAll();
		var all = memos.memos(project, target, targetId);
		if (all.isEmpty()) {
			list.add(new Paragraph("No memos yet."));
		}
		for (Memo m : all) {
			Div item = new Div();
			item.addClassName("quire-memo");
			Span meta = new Span((m.title().isEmpty() ? "" : m.title() + " · ") + m.author() + " · "
					+ WHEN.format(m.updatedAt()));
			meta.addClassName("quire-meta");
			Paragraph text = new Paragraph(m.body());
			Button delete = new Button("Delete", e -> {
				memos.delete(m.id());
				render();
			});
			delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
			item.add(meta, text, delete);
			list.add(item);
		}
	}

}
