package quire.fidelity.ui;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;

import quire.fidelity.Summary;
import quire.fidelity.Threshold;
import quire.fidelity.ThresholdSet;
import quire.ui.Notifications;

/**
 * A project's own threshold set: a name and, per summary score, a fair level and an optional good
 * level (empty fair = no threshold for that score). %CR is entered in percent.
 */
class ThresholdSetDialog extends Dialog {

	static final List<Summary> SCORES = List.of(Summary.RELATIONAL, Summary.TECHNICAL, Summary.PERCENT_CR, Summary.RQ);

	ThresholdSetDialog(Consumer<ThresholdSet> onSave) {
		setHeaderTitle("New threshold set");
		setWidth("36em");
		TextField name = new TextField("Name");
		name.setId("threshold-name");
		name.setPlaceholder("e.g. Our protocol");
		name.setWidthFull();
		Map<Summary, NumberField[]> fields = new LinkedHashMap<>();
		VerticalLayout rows = new VerticalLayout(name, new Paragraph("Leave 'fair' empty for a score the set does not judge; "
				+ "'good' is optional. %CR in percent (40 = 40%); R:Q as a ratio (1 = 1:1)."));
		for (Summary s : SCORES) {
			NumberField fair = new NumberField(s.label() + " — fair");
			NumberField good = new NumberField("good");
			fair.setId("fair-" + s.name().toLowerCase());
			good.setId("good-" + s.name().toLowerCase());
			fields.put(s, new NumberField[] { fair, good });
			rows.add(new HorizontalLayout(fair, good));
		}
		add(rows);
		Button save = new Button("Save and use", e -> {
			try {
				Map<Summary, Threshold> thresholds = new EnumMap<>(Summary.class);
				fields.forEach((s, f) -> {
					Double fair = f[0].getValue();
					Double good = f[1].getValue();
					if (fair == null && good != null) {
						throw new IllegalArgumentException(s.label() + ": a good level needs a fair level");
					}
					if (fair != null) {
						double scale = s == Summary.PERCENT_CR ? 0.01 : 1;
						thresholds.put(s, new Threshold(fair * scale, good == null ? null : good * scale));
					}
				});
				if (thresholds.isEmpty()) {
					throw new IllegalArgumentException("give at least one fair level");
				}
				onSave.accept(new ThresholdSet(name.getValue().strip(), thresholds));
				close();
			}
			catch (IllegalArgumentException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("save-threshold-set");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		getFooter().add(new Button("Cancel", e -> close()), save);
	}

}
