package quire.search.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import quire.coding.AutoCodeUnit;
import quire.coding.Code;
import quire.coding.CodebookService;
import quire.coding.CodingService;
import quire.coding.TextSpan;
import quire.ui.CurrentCoder;
import quire.project.ProjectId;
import quire.ui.Notifications;

/**
 * Codes every hit of a search (not only the rows shown) with a chosen code at a chosen unit, after
 * showing how many new codings that makes. Opened by the search page's "Code all hits".
 */
final class CodeAllDialog extends Dialog {

	CodeAllDialog(CodebookService codebook, CodingService codings, CurrentCoder coder, ProjectId projectId,
			String query, List<TextSpan> hits) {
		setHeaderTitle("Code all " + hits.size() + " hits of “" + query + "”");
		ComboBox<Code> code = new ComboBox<>("Code");
		code.setId("code-all-code");
		code.setItems(codebook.codes(projectId));
		code.setItemLabelGenerator(Code::path);
		code.setWidthFull();
		RadioButtonGroup<AutoCodeUnit> unit = new RadioButtonGroup<>("Code");
		unit.setItems(AutoCodeUnit.values());
		unit.setItemLabelGenerator(AutoCodeUnit::label);
		unit.setValue(AutoCodeUnit.SENTENCE);
		Span preview = new Span();
		preview.setId("code-all-preview");
		Runnable update = () -> {
			if (code.getValue() == null) {
				preview.setText("Choose a code.");
				return;
			}
			int n = codings.previewAll(projectId, code.getValue().id(), coder.name(),
					codings.expand(hits, unit.getValue()));
			preview.setText("This makes " + n + " new coding" + (n == 1 ? "" : "s") + " as " + coder.name()
					+ " (spans already coded so are skipped).");
		};
		code.addValueChangeListener(e -> update.run());
		unit.addValueChangeListener(e -> update.run());
		update.run();
		Button ok = new Button("Code them", e -> {
			if (code.getValue() == null) {
				Notifications.error("Choose a code first.");
				return;
			}
			int made = codings.codeAll(projectId, code.getValue().id(), coder.name(), codings.expand(hits, unit.getValue()));
			close();
			Notifications.success("Made " + made + " coding" + (made == 1 ? "" : "s") + " with '" + code.getValue().name() + "'.");
		});
		ok.setId("code-all-confirm");
		ok.addThemeVariants(ButtonVariant.PRIMARY);
		add(new VerticalLayout(code, unit, preview));
		getFooter().add(new Button("Cancel", e -> close()), ok);
		setWidth("34em");
	}

}
