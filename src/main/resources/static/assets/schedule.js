// Schedule and patient pages: a refused action or an invalid form comes back as a 4xx page
// fragment carrying the reason; htmx swaps it in like a success instead of dropping it.
(function () {
	function configure() {
		if (!window.htmx || htmx.config.scheduleConfigured) {
			return;
		}
		htmx.config.responseHandling = [
			{ code: '204', swap: false },
			{ code: '[23]..', swap: true },
			{ code: '4..', swap: true, error: false },
			{ code: '...', swap: false, error: true }
		];
		htmx.config.scheduleConfigured = true;
	}
	configure();
	document.addEventListener('DOMContentLoaded', configure);
})();
