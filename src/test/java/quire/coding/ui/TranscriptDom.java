package quire.coding.ui;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The transcript view's turns as the browser gets them, for browserless tests: each turn element's
 * server-built HTML parsed, and DOM events fired on the turns container as the browser would send
 * them (with the listener's event data and filter), so a test goes through the view's real listener.
 */
final class TranscriptDom {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TranscriptDom() {
	}

	/** The turn elements, in order, as the browser would parse their HTML. */
	static List<Element> turns(Div container) {
		return container.getChildren()
			.map(c -> {
				Element body = Jsoup.parseBodyFragment(c.getElement().getProperty("innerHTML", "")).body();
				body.attr("id", c.getId().orElse(""));
				return body;
			})
			.toList();
	}

	/** Every coding stripe in the transcript. */
	static Elements stripes(Div container) {
		Elements all = new Elements();
		turns(container).forEach(t -> all.addAll(t.select(".stripe")));
		return all;
	}

	/** A click on a stripe, as the browser reports it: on a stripe, with the stripe's coding id. */
	static void clickStripe(Div container, Element stripe) {
		click(container, true, stripe.attr("data-coding"));
	}

	/** A click as the browser reports it to the container's click listener. */
	static void click(Div container, boolean onStripe, String codingId) {
		ObjectNode data = JSON.createObjectNode();
		data.put(TranscriptView.ON_STRIPE, onStripe);
		data.put(TranscriptView.STRIPE, codingId);
		container.getElement()
			.getNode()
			.getFeature(ElementListenerMap.class)
			.fireEvent(new DomEvent(container.getElement(), "click", data));
	}

}
