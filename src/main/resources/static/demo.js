// The demo clinic's website: reads the public API, books through it (the "web form" booking source) and
// opens the chat widget from the hero button.
const $ = (id) => document.getElementById(id);
let clinic, chosen;

async function json(url, options) {
	const response = await fetch(url, options);
	const body = await response.json().catch(() => ({}));
	if (!response.ok) throw body;
	return body;
}

function localToInstantString(day, time) {
	// the API accepts clinic-local date-times and reads them in the clinic's zone
	return day + "T" + time;
}

async function loadAvailability() {
	const [year, month] = $("month").value.split("-");
	const days = await json(`/api/v1/availability?month=${Number(month)}&year=${year}&service_id=${encodeURIComponent($("service").value)}`);
	const box = $("availability");
	box.replaceChildren();
	if (Object.keys(days).length === 0) box.textContent = "No free times this month.";
	for (const [day, times] of Object.entries(days)) {
		const card = document.createElement("div");
		card.className = "day";
		const title = document.createElement("div");
		title.textContent = new Date(day + "T12:00:00").toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric" });
		card.append(title);
		for (const time of times) {
			const button = document.createElement("button");
			button.type = "button";
			button.className = "time";
			button.textContent = time;
			button.setAttribute("aria-pressed", "false");
			button.onclick = () => {
				document.querySelectorAll("button.time").forEach((b) => b.setAttribute("aria-pressed", "false"));
				button.setAttribute("aria-pressed", "true");
				chosen = { day, time };
				$("selected").textContent = `${title.textContent} at ${time}`;
				$("book-form").hidden = false;
			};
			card.append(button);
		}
		box.append(card);
	}
}

$("book-form").onsubmit = async (event) => {
	event.preventDefault();
	$("result").className = "";
	try {
		const booked = await json("/api/v1/appointments/book", {
			method: "POST",
			headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
			body: JSON.stringify({
				name: $("name").value, email: $("email").value || null, phone: $("phone").value || null,
				appointment_date: localToInstantString(chosen.day, chosen.time), service_name: $("service").value
			})
		});
		$("result").className = "ok";
		$("result").textContent = `Booked: ${booked.service_name} with ${booked.provider_name} on ${booked.local_date} at ${booked.local_time}.`;
		await loadAvailability();
	} catch (problem) {
		$("result").className = "error";
		$("result").textContent = problem.detail || "Something went wrong, please try again.";
	}
};

document.getElementById("open-chat").onclick = () => {
	const chat = document.querySelector("smiledesk-chat");
	if (chat && typeof chat.open === "function") chat.open();
};

(async () => {
	clinic = await json("/api/v1/clinic");
	document.title = `${clinic.name} · SmileDesk demo clinic`;
	$("clinic-name").textContent = clinic.name;
	const address = clinic.address;
	$("clinic-address").textContent = [address.line, address.city, address.region, address.postal_code]
		.filter(Boolean).join(", ");
	$("clinic-phone").textContent = clinic.phone ? `· ${clinic.phone}` : "";
	$("zone").textContent = clinic.time_zone;
	for (const [day, ranges] of Object.entries(clinic.opening_hours)) {
		const dt = document.createElement("dt");
		dt.textContent = day[0].toUpperCase() + day.slice(1);
		const dd = document.createElement("dd");
		dd.textContent = ranges.length ? ranges.map((r) => `${r.start}–${r.end}`).join(", ") : "Closed";
		$("hours").append(dt, dd);
	}
	const money = new Intl.NumberFormat("en-US", { style: "currency", currency: clinic.currency || "USD" });
	for (const service of await json("/api/v1/services")) {
		const option = document.createElement("option");
		option.value = service.id;
		option.textContent = `${service.name} (${service.duration_minutes} min, ${money.format(service.price)})`;
		$("service").append(option);
		const item = document.createElement("li");
		const text = document.createElement("span");
		text.textContent = service.name;
		const description = document.createElement("small");
		description.textContent = service.description || "";
		text.append(description);
		const price = document.createElement("span");
		price.className = "price";
		price.textContent = money.format(service.price);
		item.append(text, price);
		$("services").append(item);
	}
	const now = new Date();
	$("month").value = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
	$("service").onchange = loadAvailability;
	$("month").onchange = loadAvailability;
	await loadAvailability();
})();
