// Console glue: htmx requests carry the session's CSRF token; nothing else lives here.
document.addEventListener('htmx:configRequest', (event) => {
	const token = document.querySelector('meta[name="csrf-token"]');
	const header = document.querySelector('meta[name="csrf-header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});
