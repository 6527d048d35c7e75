package quire.coding.ui;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import quire.coding.CodingChanged;
import quire.corpus.DocumentId;

/**
 * Tells every open transcript view when someone else's codings in that document have been
 * committed, so two coders working on one transcript see each other's new codings without
 * reloading (server push). The coder whose change it was is left alone: their view already shows
 * it.
 */
@Component
class LiveCodings {

	private record Watcher(UI ui, Consumer<DocumentId> refresh) {
	}

	private final Map<DocumentId, Set<Watcher>> watchers = new ConcurrentHashMap<>();

	/** Calls {@code refresh} in the UI's own session whenever another person's codings in the document change. */
	Registration watch(UI ui, DocumentId document, Consumer<DocumentId> refresh) {
		Watcher w = new Watcher(ui, refresh);
		watchers.computeIfAbsent(document, d -> ConcurrentHashMap.newKeySet()).add(w);
		return () -> watchers.computeIfPresent(document, (d, set) -> {
			set.remove(w);
			return set.isEmpty() ? null : set;
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CodingChanged event) {
		UI origin = UI.getCurrent();
		for (Watcher w : watchers.getOrDefault(event.documentId(), Set.of())) {
			if (w.ui() != origin && w.ui().isAttached()) {
				w.ui().access(() -> w.refresh().accept(event.documentId()));
			}
		}
	}

	/** How many views watch a document (for tests). */
	int watching(DocumentId document) {
		return watchers.getOrDefault(document, Set.of()).size();
	}

}
