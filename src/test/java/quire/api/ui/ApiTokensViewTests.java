package quire.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import quire.SignedInBrowserlessTest;
import quire.api.ApiScope;
import quire.api.ApiToken;
import quire.api.ApiTokenService;

/** The API tokens page: a new token's secret is shown once and works; revoking it stops it at once. */
@WithUserDetails(value = SignedInBrowserlessTest.RESEARCHER, setupBefore = TestExecutionEvent.TEST_EXECUTION)
@SpringBootTest
@ViewPackages(packages = "quire")
class ApiTokensViewTests extends SignedInBrowserlessTest {

	@Autowired
	ApiTokenService tokens;

	@Test
	void aNewTokenIsShownOnceListedAndRevocable() {
		navigate(ApiTokensView.class);
		test($(TextField.class).withId("token-name").single()).setValue("R analysis");
		@SuppressWarnings("unchecked")
		RadioButtonGroup<ApiScope> scope = $(RadioButtonGroup.class).withId("token-scope").single();
		scope.setValue(ApiScope.READ_WRITE);
		test($(Button.class).withId("create-token").single()).click();

		String secret = $(TextField.class).withId("token-secret").single().getValue();
		assertThat(secret).startsWith("qr_").hasSizeGreaterThan(40);
		var owner = tokens.authenticate(secret).orElseThrow();
		assertThat(owner.user().username()).isEqualTo(RESEARCHER);
		assertThat(owner.token().scope()).isEqualTo(ApiScope.READ_WRITE);
		assertThat($(Button.class).withId("token-copy").single().getText()).as("the new token can be copied with one click")
			.isEqualTo("Copy");

		@SuppressWarnings("unchecked")
		Grid<ApiToken> grid = $(Grid.class).withId("tokens").single();
		assertThat(test(grid).size()).isEqualTo(1);
		assertThat(test(grid).getCellText(0, 0)).isEqualTo("R analysis");
		assertThat(test(grid).getCellText(0, 1)).isEqualTo("read-write");
		assertThat(test(grid).getCellText(0, 5)).isEqualTo("active");

		test($(Button.class).withId("token-secret-done").single()).click();
		assertThat($(TextField.class).withId("token-secret").all()).isEmpty();

		test((Button) test(grid).getCellComponent(0, 6)).click();
		assertThat(tokens.authenticate(secret)).isEmpty();
		assertThat(test(grid).getCellText(0, 5)).isEqualTo("revoked");
	}

	@Test
	void aTokenWithoutANameIsRefused() {
		navigate(ApiTokensView.class);
		int before = tokens.tokens().size();
		test($(Button.class).withId("create-token").single()).click();
		assertThat(tokens.tokens()).hasSize(before);
		assertThat($(TextField.class).withId("token-secret").all()).isEmpty();
	}

}
