package quire.coding.ui;

import java.util.EnumSet;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import quire.coding.CodeDraft;
import quire.coding.Origin;
import quire.coding.ReAim;
import quire.coding.Stance;
import quire.ui.Notifications;

/**
 * Edits a code's name, colour, definition, inclusion and exclusion notes, example, RE-AIM
 * dimensions, barrier/facilitator and deductive/inductive. Hands the draft to {@code onSave}; a
 * rejected draft keeps the dialog open with the reason.
 */
class CodeEditor extends Dialog {

	private static final String NEITHER = "Neither";

	CodeEditor(String title, CodeDraft start, Consumer<CodeDraft> onSave) {
		setHeaderTitle(title);
		setWidth("38em");
		TextField name = new TextField("Name");
		name.setId("code-name");
		name.setValue(start.name());
		name.setWidthFull();
		Input colour = new Input();
		colour.setType("color");
		colour.setValue(start.colour().toLowerCase());
		colour.setId("code-colour");
		NativeLabel colourLabel = new NativeLabel("Colour");
		HorizontalLayout top = new HorizontalLayout(name, new VerticalLayout(colourLabel, colour));
		top.setWidthFull();
		top.setAlignItems(FlexComponent.Alignment.END);
		TextArea definition = area("Definition", start.definition());
		definition.setId("code-definition");
		TextArea inclusion = area("Include when", start.inclusion());
		TextArea exclusion = area("Exclude when", start.exclusion());
		TextArea example = area("Example", start.example());
		CheckboxGroup<ReAim> dimensions = new CheckboxGroup<>("RE-AIM dimensions");
		dimensions.setItems(ReAim.values());
		dimensions.setItemLabelGenerator(ReAim::label);
		dimensions.setValue(start.dimensions());
		RadioButtonGroup<String> stance = new RadioButtonGroup<>("Barrier or facilitator");
		stance.setItems(NEITHER, Stance.BARRIER.label(), Stance.FACILITATOR.label());
		stance.setValue(start.stance() == null ? NEITHER : start.stance().label());
		RadioButtonGroup<Origin> origin = new RadioButtonGroup<>("Origin");
		origin.setItems(Origin.values());
		origin.setItemLabelGenerator(Origin::label);
		origin.setValue(start.origin());
		add(new VerticalLayout(top, definition, inclusion, exclusion, example, dimensions, stance, origin));
		Button save = new Button("Save", e -> {
			try {
				Stance chosen = Stance.BARRIER.label().equals(stance.getValue()) ? Stance.BARRIER
						: Stance.FACILITATOR.label().equals(stance.getValue()) ? Stance.FACILITATOR : null;
				CodeDraft draft = new CodeDraft(name.getValue(), definition.getValue(), inclusion.getValue(),
						exclusion.getValue(), example.getValue(), colour.getValue(),
						dimensions.getValue().isEmpty() ? EnumSet.noneOf(ReAim.class) : EnumSet.copyOf(dimensions.getValue()),
						chosen, origin.getValue() == null ? Origin.INDUCTIVE : origin.getValue());
				onSave.accept(draft);
				close();
			}
			catch (IllegalArgumentException | quire.coding.EditConflictException ex) {
				Notifications.error(ex.getMessage());
			}
		});
		save.setId("save-code");
		save.addThemeVariants(ButtonVariant.PRIMARY);
		getFooter().add(new Button("Cancel", e -> close()), save);
	}

	private static TextArea area(String label, String value) {
		TextArea a = new TextArea(label);
		a.setValue(value);
		a.setWidthFull();
		return a;
	}

}
