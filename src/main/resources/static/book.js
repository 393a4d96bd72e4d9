// The booking page patients open from a campaign's message (/book.html?campaign=<token>): a service, a day and a
// free time from the public API, then name and email or phone; the booking carries the campaign's token, so the
// clinic knows which campaign it came from. A retry of the same submission reuses its Idempotency-Key.
(() => {
	const $ = (id) => document.getElementById(id);
	const token = new URLSearchParams(window.location.search).get('campaign');
	const DAYS = 14;
	const byDay = new Map();
	let lastDay = null;
	let idempotencyKey = null;
	let busy = false;

	async function json(url, options) {
		const response = await fetch(url, options);
		const body = await response.json().catch(() => ({}));
		if (!response.ok) {
			throw body;
		}
		return body;
	}

	// randomUUID needs a secure context; getRandomValues does not
	const newKey = () => (crypto.randomUUID ? crypto.randomUUID()
		: Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(''));
	const plusDays = (isoDay, days) => {
		const date = new Date(`${isoDay}T12:00:00Z`);
		date.setUTCDate(date.getUTCDate() + days);
		return date.toISOString().slice(0, 10);
	};
	const dayLabel = (isoDay) => new Date(`${isoDay}T12:00:00Z`)
		.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });

	function status(text) {
		$('availability-status').textContent = text;
	}

	function problemText(problem) {
		if (problem && Array.isArray(problem.errors) && problem.errors.some((e) => e.field === 'campaign_token')) {
			return `This booking link cannot be used: ${problem.detail}. Please use the latest link the clinic sent, or call the clinic.`;
		}
		return (problem && problem.detail) || 'Something went wrong; please try again.';
	}

	function showError(text) {
		$('form-error').textContent = text;
	}

	// any change makes a new booking request, with a new key
	function changed() {
		idempotencyKey = null;
		showError('');
	}

	function resetDays() {
		byDay.clear();
		lastDay = null;
		$('day').replaceChildren(new Option('Choose a day', ''));
		$('day').disabled = true;
		$('times').hidden = true;
		$('time-options').replaceChildren();
		$('later').hidden = true;
	}

	async function loadDays(from) {
		const service = $('service').value;
		if (!service) {
			resetDays();
			status('');
			return;
		}
		status('Looking for free times…');
		$('later').disabled = true;
		const query = new URLSearchParams({ service });
		if (from) {
			query.set('from', from);
			query.set('to', plusDays(from, DAYS - 1));
		}
		try {
			const found = await json(`/api/v1/availability/slots?${query}`);
			let added = 0;
			for (const slot of found.slots) {
				if (!byDay.has(slot.local_date)) {
					byDay.set(slot.local_date, new Map());
					$('day').append(new Option(dayLabel(slot.local_date), slot.local_date));
					added++;
				}
				// the first free provider at a time will do; the clinic may choose another
				if (!byDay.get(slot.local_date).has(slot.local_time)) {
					byDay.get(slot.local_date).set(slot.local_time, slot);
				}
				lastDay = slot.local_date;
			}
			$('day').disabled = byDay.size === 0;
			$('later').hidden = false;
			$('later').disabled = false;
			status(added === 0 ? 'No free times in these days; try later days.'
				: `${byDay.size} ${byDay.size === 1 ? 'day' : 'days'} with free times. Choose a day.`);
		}
		catch (problem) {
			status(problemText(problem));
		}
	}

	function showTimes() {
		changed();
		const day = $('day').value;
		const box = $('time-options');
		box.replaceChildren();
		if (!day || !byDay.has(day)) {
			$('times').hidden = true;
			return;
		}
		$('times-legend').textContent = `Free times on ${dayLabel(day)}`;
		let i = 0;
		for (const time of byDay.get(day).keys()) {
			const id = `time-${i++}`;
			const input = document.createElement('input');
			input.type = 'radio';
			input.name = 'time';
			input.id = id;
			input.value = time;
			input.required = true;
			input.addEventListener('change', changed);
			const label = document.createElement('label');
			label.htmlFor = id;
			label.textContent = time;
			const option = document.createElement('span');
			option.className = 'time';
			option.append(input, label);
			box.append(option);
		}
		$('times').hidden = false;
	}

	function chosenTime() {
		const checked = document.querySelector('input[name=time]:checked');
		return checked ? checked.value : null;
	}

	function invalid() {
		if (!$('service').value) {
			return [$('service'), 'Please choose a service.'];
		}
		if (!$('day').value) {
			return [$('day'), 'Please choose a day.'];
		}
		if (!chosenTime()) {
			return [document.querySelector('input[name=time]') || $('day'), 'Please choose a time.'];
		}
		if (!$('name').value.trim()) {
			return [$('name'), 'Please tell us your name.'];
		}
		if (!$('email').value.trim() && !$('phone').value.trim()) {
			return [$('email'), 'Please give an email address or a phone number.'];
		}
		if ($('email').value.trim() && !$('email').checkValidity()) {
			return [$('email'), 'Please check the email address.'];
		}
		return null;
	}

	async function book(event) {
		event.preventDefault();
		if (busy) {
			return;
		}
		const problem = invalid();
		for (const field of ['service', 'day', 'name', 'email', 'phone']) {
			$(field).removeAttribute('aria-invalid');
		}
		if (problem) {
			problem[0].setAttribute('aria-invalid', 'true');
			showError(problem[1]);
			problem[0].focus();
			return;
		}
		showError('');
		const day = $('day').value;
		const time = chosenTime();
		idempotencyKey = idempotencyKey || newKey();
		const request = {
			name: $('name').value.trim(),
			email: $('email').value.trim() || null,
			phone: $('phone').value.trim() || null,
			service_name: $('service').value,
			// clinic-local; the API reads it in the clinic's time zone
			appointment_date: `${day}T${time}`,
		};
		if (token) {
			request.campaign_token = token;
		}
		busy = true;
		$('submit').disabled = true;
		$('submit').textContent = 'Booking…';
		try {
			const booked = await json('/api/v1/appointments/book', {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
				body: JSON.stringify(request),
			});
			showConfirmation(booked);
		}
		catch (failed) {
			showError(problemText(failed));
			$('submit').disabled = false;
			$('submit').textContent = 'Book this time';
			$('form-error').focus();
		}
		finally {
			busy = false;
		}
	}

	function showConfirmation(booked) {
		const box = document.createElement('section');
		box.className = 'confirmation';
		box.setAttribute('aria-labelledby', 'confirmation-heading');
		const heading = document.createElement('h2');
		heading.id = 'confirmation-heading';
		heading.tabIndex = -1;
		heading.textContent = 'You are booked';
		const what = document.createElement('p');
		what.id = 'confirmation-text';
		what.textContent = `${booked.service_name} with ${booked.provider_name} on ${dayLabel(booked.local_date)}`
			+ ` at ${booked.local_time}.`;
		const next = document.createElement('p');
		next.textContent = 'The clinic will confirm it with you. To change it, just reply to the clinic\'s message.';
		box.append(heading, what, next);
		$('book-form').hidden = true;
		$('result').replaceChildren(box);
		heading.focus();
	}

	$('service').addEventListener('change', () => {
		changed();
		resetDays();
		const selected = $('service').selectedOptions[0];
		$('service-info').textContent = selected && selected.dataset.info ? selected.dataset.info : '';
		loadDays(null);
	});
	$('day').addEventListener('change', showTimes);
	$('later').addEventListener('click', () => {
		const from = lastDay ? plusDays(lastDay, 1) : plusDays(new Date().toISOString().slice(0, 10), 7);
		loadDays(from);
	});
	for (const field of ['name', 'email', 'phone']) {
		$(field).addEventListener('input', changed);
	}
	$('book-form').addEventListener('submit', book);
	$('form-error').tabIndex = -1;
	$('no-link').hidden = Boolean(token);

	(async () => {
		try {
			const clinic = await json('/api/v1/clinic');
			document.title = `Book a visit · ${clinic.name}`;
			$('clinic-name').textContent = clinic.name;
			$('clinic-contact').textContent = clinic.phone || '';
			$('zone').textContent = clinic.time_zone;
			const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: clinic.currency || 'USD' });
			const services = await json('/api/v1/services');
			$('service').replaceChildren(new Option('Choose a service', ''));
			for (const service of services) {
				const option = new Option(service.name, service.id);
				option.dataset.info = `${service.duration_minutes} minutes, ${money.format(service.price)}`;
				$('service').append(option);
			}
		}
		catch (problem) {
			showError('The clinic\'s services could not be loaded; please reload the page.');
		}
	})();
})();
