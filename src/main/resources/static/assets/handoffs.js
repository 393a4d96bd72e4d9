// Handoff screens, live: the server's event stream says which conversation changed, and
// htmx re-fetches the parts of the page that show it (the queue, an open transcript).
(() => {
	const root = document.querySelector('[data-handoff-stream]');
	if (!root || !window.EventSource || !window.htmx) {
		return;
	}
	const refresh = (conversationId) => {
		document.querySelectorAll('[data-refresh-on]').forEach((element) => {
			const wanted = element.dataset.refreshOn;
			if (conversationId === null || wanted === 'any' || wanted === conversationId) {
				window.htmx.trigger(element, 'handoffs:changed');
			}
		});
	};
	let opened = false;
	const source = new EventSource(root.dataset.handoffStream);
	source.addEventListener('ready', () => {
		// after a reconnect, catch up on what happened while the stream was down
		if (opened) {
			refresh(null);
		}
		opened = true;
		document.body.dataset.handoffStream = 'open';
	});
	source.addEventListener('conversation', (event) => {
		try {
			refresh(JSON.parse(event.data).conversation_id);
		}
		catch (ignored) {
			refresh(null);
		}
	});
	source.addEventListener('error', () => {
		document.body.dataset.handoffStream = 'reconnecting';
	});
	window.addEventListener('pagehide', () => source.close());
})();
