// Knowledge base editor: htmx swaps in the server's answer to invalid input (a 400 with
// the message) instead of ignoring it, in the preview and the try-a-question box.
document.addEventListener('htmx:beforeSwap', (event) => {
	const target = event.detail.target;
	if (event.detail.xhr.status === 400 && target
		&& (target.id === 'knowledge-preview' || target.id === 'knowledge-answer')) {
		event.detail.shouldSwap = true;
		event.detail.isError = false;
	}
});
