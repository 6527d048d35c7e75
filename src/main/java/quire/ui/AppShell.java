package quire.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.aura.Aura;

/**
 * The page shell: Vaadin's Aura theme and Quire's own stylesheet, served as a static file from
 * {@code frontend/} so no frontend bundle build is needed. Server push lets one coder's new codings
 * appear in a colleague's open transcript.
 */
@Push
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("context://frontend-static/styles/quire.css")
public class AppShell implements AppShellConfigurator {

}
