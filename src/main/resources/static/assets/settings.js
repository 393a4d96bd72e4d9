// Settings forms: a period row's Remove button takes the row out of the form (rows added by htmx included).
document.addEventListener('click', (event) => {
	const button = event.target.closest('[data-settings-remove]');
	if (button) {
		const row = button.closest('.settings-period');
		const rows = row.parentElement;
		row.remove();
		const add = rows.parentElement.querySelector('button[hx-get]');
		if (add) {
			add.focus();
		}
	}
});
