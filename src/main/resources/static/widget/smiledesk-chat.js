/*
 * SmileDesk patient chat widget: one file, no framework, no build step.
 *
 * Embed on a clinic's website with one tag (the element is created for you):
 *   <script src="https://desk.example/widget/smiledesk-chat.js" data-smiledesk-url="https://desk.example" defer></script>
 * or place the element yourself:
 *   <smiledesk-chat base-url="https://desk.example"></smiledesk-chat>
 *
 * Patient messages go over HTTP (POST /api/v1/chat/messages); the WebSocket
 * (/api/v1/chat/ws) is used only for what the server pushes: staff messages and status
 * changes. Server text is only ever set with textContent.
 */
(() => {
	"use strict";

	const TAG = "smiledesk-chat";
	const script = document.currentScript;
	const scriptBase = (() => {
		if (!script) return null;
		const configured = script.getAttribute("data-smiledesk-url");
		try {
			return configured ? new URL(configured, location.href).href : new URL(script.src, location.href).origin;
		} catch (ignored) {
			return null;
		}
	})();
	const SLOT_VALUE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
	const MAX_LENGTH = 2000;

	const STYLE = `
:host { all: initial; --sd-accent: var(--smiledesk-accent, #0b6e79); --sd-accent-text: #fff; --sd-text: #1d2733;
	--sd-muted: #4f5f6b; --sd-bot: #eef3f6; --sd-staff: #fff4df; --sd-staff-edge: #8a5a00; --sd-error: #a4262c;
	font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--sd-text); }
*, *::before, *::after { box-sizing: border-box; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
	clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea, input { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid #f2b705; outline-offset: 2px; }
.bubble { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 60px; height: 60px;
	border-radius: 50%; border: 0; background: var(--sd-accent); color: var(--sd-accent-text); cursor: pointer;
	box-shadow: 0 4px 14px rgba(0, 0, 0, .25); display: grid; place-items: center; transition: transform .15s; }
.bubble:hover { transform: scale(1.05); }
.bubble svg { width: 28px; height: 28px; fill: currentColor; }
.badge { position: absolute; top: 2px; right: 2px; min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
	background: var(--sd-error); color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; }
.panel { position: fixed; right: 20px; bottom: 92px; z-index: 2147483001; width: 380px; max-width: calc(100vw - 40px);
	height: 600px; max-height: calc(100vh - 112px); display: flex; flex-direction: column; background: #fff;
	border-radius: 14px; box-shadow: 0 10px 40px rgba(0, 0, 0, .28); overflow: hidden;
	animation: sd-in .18s ease-out; }
.panel[hidden] { display: none; }
@keyframes sd-in { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
header { display: flex; align-items: center; gap: 8px; padding: 12px 14px; background: var(--sd-accent);
	color: var(--sd-accent-text); }
header .title { flex: 1; min-width: 0; }
header h2 { margin: 0; font-size: 16px; font-weight: 700; overflow-wrap: anywhere; }
header p { margin: 0; font-size: 13px; opacity: .92; }
.close { border: 0; background: transparent; color: inherit; width: 36px; height: 36px; border-radius: 8px;
	cursor: pointer; font-size: 22px; line-height: 1; }
.close:hover { background: rgba(255, 255, 255, .15); }
.log { flex: 1; overflow-y: auto; overflow-x: hidden; padding: 14px; display: flex; flex-direction: column; gap: 8px;
	background: #fafcfd; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .who { display: block; font-size: 12px; font-weight: 700; color: var(--sd-muted); margin-bottom: 2px; }
.msg.patient { align-self: flex-end; background: var(--sd-accent); color: var(--sd-accent-text);
	border-bottom-right-radius: 4px; }
.msg.bot { align-self: flex-start; background: var(--sd-bot); border-bottom-left-radius: 4px; }
.msg.staff { align-self: flex-start; background: var(--sd-staff); border-left: 4px solid var(--sd-staff-edge);
	border-bottom-left-radius: 4px; }
.msg.staff .who { color: var(--sd-staff-edge); }
.msg.unsent { background: #fff; color: var(--sd-text); border: 2px dashed var(--sd-error); }
.msg.sending { opacity: .7; }
.unsent-note { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-top: 6px; font-size: 13px;
	color: var(--sd-error); white-space: normal; }
.retry { border: 1px solid var(--sd-error); background: #fff; color: var(--sd-error); border-radius: 6px;
	padding: 2px 10px; cursor: pointer; font-weight: 600; }
.notice { align-self: center; text-align: center; font-size: 13px; color: var(--sd-muted); padding: 4px 8px;
	max-width: 95%; overflow-wrap: anywhere; }
.notice.error { color: var(--sd-error); background: #fdecee; border-radius: 8px; }
.options { display: flex; flex-wrap: wrap; gap: 6px; align-self: stretch; }
.option { border: 1.5px solid var(--sd-accent); background: #fff; color: var(--sd-accent); border-radius: 18px;
	padding: 6px 12px; cursor: pointer; font-weight: 600; text-align: left; max-width: 100%; overflow-wrap: anywhere; }
.option:hover { background: #e6f2f3; }
.options.slots { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); }
.option.slot { border-radius: 10px; display: flex; flex-direction: column; }
.option.slot .when { font-weight: 700; }
.option.slot .with { font-weight: 400; font-size: 13px; color: var(--sd-muted); }
.card { align-self: stretch; border: 1px solid #cfe0e3; border-top: 5px solid var(--sd-accent); border-radius: 10px;
	background: #fff; padding: 10px 14px; }
.card.cancelled { border-top-color: var(--sd-muted); }
.card h3 { margin: 0 0 6px; font-size: 15px; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.card dt { font-weight: 600; color: var(--sd-muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.card a { display: inline-block; margin-top: 8px; color: var(--sd-accent); font-weight: 600; }
.card a.pay { display: block; margin: 10px 0 2px; padding: 8px 12px; border-radius: 8px; text-align: center;
	background: var(--sd-accent); color: var(--sd-accent-text); text-decoration: none; }
.typing { align-self: flex-start; display: inline-flex; gap: 4px; padding: 10px 12px; background: var(--sd-bot);
	border-radius: 14px; margin: 0 14px 8px; }
.typing[hidden] { display: none; }
.typing span { width: 7px; height: 7px; border-radius: 50%; background: var(--sd-muted);
	animation: sd-dot 1s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: .15s; }
.typing span:nth-child(3) { animation-delay: .3s; }
@keyframes sd-dot { 0%, 80%, 100% { opacity: .3; transform: none; } 40% { opacity: 1; transform: translateY(-3px); } }
form { display: flex; gap: 8px; padding: 10px; border-top: 1px solid #e1e7ec; background: #fff; }
textarea { flex: 1; min-width: 0; resize: none; height: 42px; max-height: 120px; padding: 9px 10px;
	border: 1px solid #8a99a6; border-radius: 8px; background: #fff; }
.send { border: 0; border-radius: 8px; padding: 0 16px; background: var(--sd-accent); color: var(--sd-accent-text);
	font-weight: 700; cursor: pointer; }
.footer { margin: 0; padding: 0 10px 8px; font-size: 11px; color: var(--sd-muted); background: #fff; }
@media (max-width: 480px) {
	.panel { inset: 0; width: auto; max-width: none; height: auto; max-height: none; border-radius: 0; }
	.bubble { right: 14px; bottom: 14px; }
	.msg { max-width: 90%; }
}
@media (prefers-reduced-motion: reduce) {
	.panel, .typing span { animation: none; }
	.bubble { transition: none; }
	.bubble:hover { transform: none; }
}
@media (forced-colors: active) {
	.msg, .card, .option, .bubble, .send { border: 1px solid CanvasText; }
}
`;

	const ICON = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z";

	/** The widget's own words, in the conversation's language (the server's replies say which). */
	const TEXTS = {
		en: {
			open: "Open chat", dialog: "Chat with the clinic", dialogNamed: "Chat with {0}", heading: "Chat with us",
			subtitle: "We usually answer right away", withTeam: "You're chatting with our team", close: "Close chat",
			log: "Conversation", typing: "The assistant is typing", input: "Message", placeholder: "Type your message\u2026",
			send: "Send", footer: "For emergencies call the clinic or 911. Please don't share medical details here.",
			theClinic: "the clinic",
			intro: "Hi! I'm the virtual assistant of {0}. I can book, move or cancel appointments and answer your questions. How can I help?",
			times: "Available times", replies: "Suggested replies", with: "with", tooLong: "Messages can be at most {0} characters.",
			unreachable: "Not sent. We couldn't reach the clinic; check your connection.",
			wrong: "Something went wrong on our side. Please try again in a moment.", notSent: "Not sent. {0}",
			notSentYet: "Not sent yet.", retry: "Retry", joined: "A member of our team has joined the chat.",
			closed: "This conversation was closed by our team. Write again any time.",
			back: "You're chatting with our assistant again.", you: "You", assistant: "Assistant", staff: "Team member",
			booked: "Appointment booked", rescheduled: "Appointment moved", cancelled: "Appointment cancelled",
			appointment: "Your appointment", details: "Appointment details", date: "Date", time: "Time",
			service: "Service", provider: "With", status: "Status", calendar: "Add to calendar",
			deposit: "Deposit", pay: "Pay deposit ({0})",
			months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
				"November", "December"],
			days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"], clock12: true,
			dateOrder: "{0}, {1} {2}, {3}"
		},
		es: {
			open: "Abrir el chat", dialog: "Chat con la clínica", dialogNamed: "Chat con {0}", heading: "Escríbanos",
			subtitle: "Solemos responder al momento", withTeam: "Está hablando con nuestro equipo", close: "Cerrar el chat",
			log: "Conversación", typing: "El asistente está escribiendo", input: "Mensaje",
			placeholder: "Escriba su mensaje\u2026", send: "Enviar",
			footer: "En caso de urgencia llame a la clínica o al 911. No comparta datos médicos aquí.",
			theClinic: "la clínica",
			intro: "¡Hola! Soy el asistente virtual de {0}. Puedo darle, cambiar o cancelar citas y responder sus preguntas. ¿En qué puedo ayudarle?",
			times: "Horas disponibles", replies: "Respuestas sugeridas", with: "con",
			tooLong: "Los mensajes pueden tener como máximo {0} caracteres.",
			unreachable: "No enviado. No hemos podido contactar con la clínica; revise su conexión.",
			wrong: "Algo ha fallado por nuestra parte. Inténtelo de nuevo en un momento.", notSent: "No enviado. {0}",
			notSentYet: "Aún no enviado.", retry: "Reintentar", joined: "Una persona de nuestro equipo se ha unido al chat.",
			closed: "Nuestro equipo ha cerrado esta conversación. Escríbanos cuando quiera.",
			back: "Vuelve a hablar con nuestro asistente.", you: "Usted", assistant: "Asistente", staff: "Equipo",
			booked: "Cita reservada", rescheduled: "Cita cambiada", cancelled: "Cita cancelada", appointment: "Su cita",
			details: "Detalles de la cita", date: "Fecha", time: "Hora", service: "Servicio", provider: "Con",
			status: "Estado", calendar: "Añadir al calendario", deposit: "Depósito", pay: "Pagar el depósito ({0})",
			months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
				"noviembre", "diciembre"],
			days: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"], clock12: false,
			dateOrder: "{0} {2} de {1} de {3}"
		},
		fr: {
			open: "Ouvrir le chat", dialog: "Discuter avec le cabinet", dialogNamed: "Discuter avec {0}",
			heading: "Écrivez-nous", subtitle: "Nous répondons en général tout de suite",
			withTeam: "Vous discutez avec notre équipe", close: "Fermer le chat", log: "Conversation",
			typing: "L'assistant écrit", input: "Message", placeholder: "Écrivez votre message\u2026", send: "Envoyer",
			footer: "En cas d'urgence, appelez le cabinet ou le 911. Ne partagez pas de données médicales ici.",
			theClinic: "le cabinet",
			intro: "Bonjour ! Je suis l'assistant virtuel de {0}. Je peux prendre, déplacer ou annuler un rendez-vous et répondre à vos questions. Que puis-je faire pour vous ?",
			times: "Créneaux disponibles", replies: "Réponses suggérées", with: "avec",
			tooLong: "Un message peut contenir au plus {0} caractères.",
			unreachable: "Non envoyé. Impossible de joindre le cabinet ; vérifiez votre connexion.",
			wrong: "Un problème est survenu de notre côté. Réessayez dans un instant.", notSent: "Non envoyé. {0}",
			notSentYet: "Pas encore envoyé.", retry: "Réessayer", joined: "Un membre de notre équipe a rejoint la conversation.",
			closed: "Notre équipe a clôturé cette conversation. Écrivez-nous quand vous voulez.",
			back: "Vous discutez de nouveau avec notre assistant.", you: "Vous", assistant: "Assistant", staff: "Équipe",
			booked: "Rendez-vous réservé", rescheduled: "Rendez-vous déplacé", cancelled: "Rendez-vous annulé",
			appointment: "Votre rendez-vous", details: "Détails du rendez-vous", date: "Date", time: "Heure",
			service: "Soin", provider: "Avec", status: "Statut", calendar: "Ajouter au calendrier",
			deposit: "Acompte", pay: "Payer l'acompte ({0})",
			months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
				"novembre", "décembre"],
			days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"], clock12: false,
			dateOrder: "{0} {2} {1} {3}"
		}
	};

	/** A supported language from a tag such as "es-MX", else English. */
	function language(tag) {
		const code = String(tag || "").slice(0, 2).toLowerCase();
		return TEXTS[code] ? code : "en";
	}

	function say(lang, key, ...args) {
		const text = (TEXTS[lang] || TEXTS.en)[key];
		const found = text === undefined ? TEXTS.en[key] : text;
		return typeof found === "string" ? found.replace(/\{(\d)\}/g, (all, i) => String(args[Number(i)])) : found;
	}

	let instances = 0;

	class SmileDeskChat extends HTMLElement {

		constructor() {
			super();
			this.attachShadow({ mode: "open" });
			this.queue = Promise.resolve();
			this.known = 0; // messages of the server's history already shown
			this.unread = 0;
			this.socket = null;
			this.socketAttempts = 0;
			this.socketTimer = null;
			this.socketOpened = false;
			this.connected = false;
			this.pending = []; // messages not (yet) accepted by the server
			this.sequence = 0;
			this.rendered = false;
			this.speaks = "en";
		}

		t(key, ...args) {
			return say(this.speaks, key, ...args);
		}

		connectedCallback() {
			this.connected = true;
			if (!this.rendered) {
				this.rendered = true;
				this.base = this.resolveBase();
				this.keys = {
					session: "smiledesk:session:" + this.base,
					last: "smiledesk:last:" + this.base,
					draft: "smiledesk:draft:" + this.base,
					unsent: "smiledesk:unsent:" + this.base,
					lang: "smiledesk:lang:" + this.base
				};
				// the conversation's language once known, else the page's
				this.speaks = language(read(this.keys.lang) || this.getAttribute("lang") || document.documentElement.lang);
				this.render();
				this.loadClinic();
				this.restore();
			} else {
				this.connectSocket();
			}
			this.onOnline = () => this.connectSocket();
			window.addEventListener("online", this.onOnline);
		}

		disconnectedCallback() {
			this.connected = false;
			window.removeEventListener("online", this.onOnline);
			clearTimeout(this.socketTimer);
			if (this.socket) {
				this.socket.onclose = null;
				this.socket.close();
				this.socket = null;
			}
		}

		resolveBase() {
			const given = this.getAttribute("base-url") || scriptBase || location.origin;
			try {
				return new URL(given, location.href).href.replace(/\/+$/, "");
			} catch (ignored) {
				return location.origin;
			}
		}

		// ------------------------------------------------------------------ DOM

		render() {
			const id = "smiledesk-" + (++instances);
			const root = this.shadowRoot;
			const style = document.createElement("style");
			style.textContent = STYLE;

			this.bubble = el("button", { type: "button", class: "bubble", part: "bubble", "aria-label": this.t("open"),
				"aria-expanded": "false", "aria-controls": id + "-panel" });
			const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
			svg.setAttribute("viewBox", "0 0 24 24");
			svg.setAttribute("aria-hidden", "true");
			const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
			path.setAttribute("d", ICON);
			svg.append(path);
			this.badge = el("span", { class: "badge", "aria-hidden": "true", hidden: "" });
			this.bubble.append(svg, this.badge);

			this.panel = el("div", { id: id + "-panel", class: "panel", part: "panel", role: "dialog",
				"aria-label": this.t("dialog"), hidden: "" });
			const header = el("header");
			const title = el("div", { class: "title" });
			this.heading = el("h2", {}, this.t("heading"));
			this.subtitle = el("p", {}, this.t("subtitle"));
			title.append(this.heading, this.subtitle);
			this.closeButton = el("button", { type: "button", class: "close", "aria-label": this.t("close") }, "\u00d7");
			header.append(title, this.closeButton);

			this.log = el("div", { class: "log", part: "log", role: "log", "aria-live": "polite",
				"aria-label": this.t("log"), tabindex: "0" });
			this.typing = el("div", { class: "typing", role: "status", "aria-label": this.t("typing"),
				hidden: "" });
			this.typing.append(el("span"), el("span"), el("span"));

			this.form = el("form", { class: "composer" });
			this.input = el("textarea", { id: id + "-input", name: "message", rows: "1", maxlength: String(MAX_LENGTH),
				"aria-label": this.t("input"), placeholder: this.t("placeholder"), autocomplete: "off" });
			this.send = el("button", { type: "submit", class: "send" }, this.t("send"));
			this.form.append(this.input, this.send);
			this.footer = el("p", { class: "footer" }, this.t("footer"));

			this.panel.append(header, this.log, this.typing, this.form, this.footer);
			root.append(style, this.bubble, this.panel);

			this.bubble.addEventListener("click", () => (this.panel.hidden ? this.open() : this.close()));
			this.closeButton.addEventListener("click", () => this.close());
			root.addEventListener("keydown", (event) => {
				if (event.key === "Escape" && !this.panel.hidden) {
					event.preventDefault();
					this.close();
				}
			});
			this.form.addEventListener("submit", (event) => {
				event.preventDefault();
				this.submitInput();
			});
			this.input.addEventListener("keydown", (event) => {
				if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
					event.preventDefault();
					this.submitInput();
				}
			});
			this.input.addEventListener("input", () => store(this.keys.draft, this.input.value || null));
			this.input.value = read(this.keys.draft) || "";
		}

		open() {
			this.panel.hidden = false;
			this.bubble.setAttribute("aria-expanded", "true");
			this.unread = 0;
			this.showBadge();
			if (!this.log.firstChild) this.intro();
			this.scrollDown();
			this.input.focus();
		}

		close() {
			this.panel.hidden = true;
			this.bubble.setAttribute("aria-expanded", "false");
			this.bubble.focus();
		}

		intro() {
			this.log.append(message("bot intro", this.t("intro", this.clinicName || this.t("theClinic")), this.speaks));
		}

		/** Speaks the conversation's language from now on: the widget's own words follow. */
		setLanguage(tag) {
			const lang = language(tag);
			if (lang === this.speaks) return;
			this.speaks = lang;
			store(this.keys.lang, lang);
			this.bubble.setAttribute("aria-label", this.t("open"));
			this.panel.setAttribute("aria-label", this.clinicName ? this.t("dialogNamed", this.clinicName) : this.t("dialog"));
			if (!this.clinicName) this.heading.textContent = this.t("heading");
			this.subtitle.textContent = this.t(this.status === "HUMAN_ACTIVE" ? "withTeam" : "subtitle");
			this.closeButton.setAttribute("aria-label", this.t("close"));
			this.log.setAttribute("aria-label", this.t("log"));
			this.typing.setAttribute("aria-label", this.t("typing"));
			this.input.setAttribute("aria-label", this.t("input"));
			this.input.setAttribute("placeholder", this.t("placeholder"));
			this.send.textContent = this.t("send");
			this.footer.textContent = this.t("footer");
		}

		showBadge() {
			this.badge.hidden = this.unread === 0;
			this.badge.textContent = this.unread > 9 ? "9+" : String(this.unread);
		}

		scrollDown() {
			this.log.scrollTop = this.log.scrollHeight;
		}

		append(node) {
			this.log.append(node);
			this.scrollDown();
		}

		notice(text, error) {
			this.append(el("div", { class: error ? "notice error" : "notice", part: "notice" }, text));
		}

		clearOptions() {
			this.log.querySelectorAll(".options").forEach((options) => options.remove());
		}

		showReply(reply) {
			if (reply.language) this.setLanguage(reply.language);
			if (reply.reply) this.append(message("bot", reply.reply, this.speaks));
			if (reply.appointment) this.append(card(reply.appointment, this.speaks));
			const options = Array.isArray(reply.options) ? reply.options.filter((o) => o && o.label && o.value) : [];
			if (options.length) this.append(this.optionButtons(options));
		}

		optionButtons(options) {
			const slots = options.every((option) => SLOT_VALUE.test(option.value));
			const group = el("div", { class: slots ? "options slots" : "options", role: "group",
				"aria-label": this.t(slots ? "times" : "replies") });
			for (const option of options) {
				const button = el("button", { type: "button", class: slots ? "option slot" : "option",
					part: "option", "data-value": option.value, "aria-label": option.label });
				const split = slots ? option.label.split(" " + this.t("with") + " ") : null;
				if (split && split.length === 2) {
					button.append(el("span", { class: "when" }, split[0]),
						el("span", { class: "with" }, this.t("with") + " " + split[1]));
				} else {
					button.textContent = option.label;
				}
				button.addEventListener("click", () => {
					this.clearOptions();
					this.sendMessage(option.value, option.label);
					this.input.focus();
				});
				group.append(button);
			}
			return group;
		}

		// ------------------------------------------------------------------ clinic name

		async loadClinic() {
			try {
				const response = await fetch(this.base + "/api/v1/clinic", { headers: { Accept: "application/json" } });
				if (!response.ok) return;
				const clinic = await response.json();
				if (clinic && typeof clinic.name === "string" && clinic.name) {
					this.clinicName = clinic.name;
					this.heading.textContent = clinic.name;
					this.panel.setAttribute("aria-label", this.t("dialogNamed", clinic.name));
					const intro = this.log.querySelector(".intro");
					if (intro) intro.replaceWith(message("bot intro", this.t("intro", clinic.name), this.speaks));
				}
			} catch (ignored) {
				// the chat works without the clinic's name
			}
		}

		// ------------------------------------------------------------------ sending

		submitInput() {
			const text = this.input.value.trim();
			if (!text) {
				this.input.focus();
				return;
			}
			if (text.length > MAX_LENGTH) {
				this.notice(this.t("tooLong", MAX_LENGTH), true);
				return;
			}
			this.input.value = "";
			store(this.keys.draft, null);
			this.clearOptions();
			this.sendMessage(text, text);
		}

		/** Shows the message at once; the server's answer follows in order. */
		sendMessage(value, shown, existing) {
			const item = existing || { key: ++this.sequence, value, shown, node: message("patient", shown, this.speaks) };
			if (!existing) {
				this.pending.push(item);
				this.append(item.node);
			}
			this.saveUnsent();
			item.node.classList.remove("unsent");
			item.node.classList.add("sending");
			const note = item.node.querySelector(".unsent-note");
			if (note) note.remove();
			this.queue = this.queue.then(() => this.deliver(item));
			return this.queue;
		}

		async deliver(item, fresh) {
			this.typing.hidden = false;
			this.scrollDown();
			let response;
			try {
				response = await fetch(this.base + "/api/v1/chat/messages", {
					method: "POST",
					headers: { "Content-Type": "application/json", Accept: "application/json" },
					body: JSON.stringify({ session_id: fresh ? null : this.session(), message: item.value })
				});
			} catch (networkError) {
				this.typing.hidden = true;
				this.failed(item, this.t("unreachable"));
				return;
			}
			let body = null;
			try {
				body = await response.json();
			} catch (ignored) {
				body = null;
			}
			this.typing.hidden = true;
			if (response.status === 404 && this.session() && !fresh) {
				// the conversation is gone (expired or removed): start a new one
				this.forget();
				return this.deliver(item, true);
			}
			if (!response.ok || !body || !body.session_id) {
				const detail = body && typeof body.detail === "string" && body.detail
					? body.detail : this.t("wrong");
				this.failed(item, this.t("notSent", detail));
				return;
			}
			item.node.classList.remove("sending");
			this.pending = this.pending.filter((other) => other !== item);
			this.saveUnsent();
			const started = !this.session();
			store(this.keys.session, body.session_id);
			this.known += body.reply ? 2 : 1;
			this.remember(body);
			this.showReply(body);
			this.showStatus(body.status, false);
			if (started || !this.socket) this.connectSocket();
		}

		failed(item, text) {
			item.node.classList.remove("sending");
			item.node.classList.add("unsent");
			item.node.setAttribute("data-state", "unsent");
			const note = el("span", { class: "unsent-note" });
			note.append(el("span", {}, text));
			const retry = el("button", { type: "button", class: "retry", part: "retry" }, this.t("retry"));
			retry.addEventListener("click", () => {
				item.node.removeAttribute("data-state");
				this.sendMessage(item.value, item.shown, item);
				this.input.focus();
			});
			note.append(retry);
			item.node.append(note);
			this.scrollDown();
		}

		showStatus(status, pushed) {
			if (status === this.status) return;
			const before = this.status;
			this.status = status;
			if (status === "HUMAN_ACTIVE") {
				this.subtitle.textContent = this.t("withTeam");
				this.notice(this.t("joined"));
			} else if (status === "CLOSED" && pushed) {
				this.subtitle.textContent = this.t("subtitle");
				this.notice(this.t("closed"));
			} else if (status === "ACTIVE" && before === "HUMAN_ACTIVE") {
				this.subtitle.textContent = this.t("subtitle");
				this.notice(this.t("back"));
			}
		}

		// ------------------------------------------------------------------ persistence

		session() {
			return read(this.keys.session);
		}

		forget() {
			store(this.keys.session, null);
			store(this.keys.last, null);
			this.known = 0;
			this.status = null;
			if (this.socket) {
				this.socket.onclose = null;
				this.socket.close();
				this.socket = null;
			}
			this.removeAttribute("data-live");
		}

		remember(reply) {
			store(this.keys.last, JSON.stringify({ reply: reply.reply || null, options: reply.options || [],
				appointment: reply.appointment || null }));
		}

		saveUnsent() {
			const unsent = this.pending.map((item) => ({ value: item.value, shown: item.shown }));
			store(this.keys.unsent, unsent.length ? JSON.stringify(unsent) : null);
		}

		async restore() {
			const unsent = parse(read(this.keys.unsent)) || [];
			if (this.session()) {
				await this.history(true);
				this.connectSocket();
			}
			for (const saved of Array.isArray(unsent) ? unsent : []) {
				if (!saved || typeof saved.value !== "string") continue;
				const item = { key: ++this.sequence, value: saved.value, shown: String(saved.shown || saved.value),
					node: message("patient", String(saved.shown || saved.value), this.speaks) };
				this.pending.push(item);
				this.append(item.node);
				this.failed(item, this.t("notSentYet"));
			}
		}

		/** Reads the conversation so far; after a reconnect only what was missed is added. */
		history(first) {
			this.queue = this.queue.then(async () => {
				const id = this.session();
				if (!id) return;
				let body;
				try {
					body = await this.page(id, 0);
					if (body && body.total > body.messages.length) {
						body = await this.page(id, Math.floor((body.total - 1) / 200), body.total);
					}
				} catch (ignored) {
					return;
				}
				if (!body) {
					this.forget();
					return;
				}
				const offset = body.page * body.size;
				const fresh = body.messages.slice(Math.max(0, this.known - offset));
				if (first && fresh.length) {
					const intro = this.log.querySelector(".intro");
					if (intro) intro.remove();
				}
				for (const item of fresh) {
					const sender = item.sender === "patient" || item.sender === "staff" ? item.sender : "bot";
					this.append(message(sender, item.text || "", this.speaks));
					if (!first && sender === "staff" && this.panel.hidden) this.unread++;
				}
				this.known = Math.max(this.known, offset + body.messages.length);
				const last = body.messages[body.messages.length - 1];
				const saved = parse(read(this.keys.last));
				if (first && last && last.sender === "bot" && saved && saved.reply === last.text) {
					if (saved.appointment) this.append(card(saved.appointment, this.speaks));
					const options = Array.isArray(saved.options) ? saved.options.filter((o) => o && o.label && o.value) : [];
					if (options.length) this.append(this.optionButtons(options));
				}
				this.showBadge();
			});
			return this.queue;
		}

		async page(id, page) {
			const response = await fetch(this.base + "/api/v1/chat/sessions/" + encodeURIComponent(id)
				+ "/messages?size=200&page=" + page, { headers: { Accept: "application/json" } });
			if (response.status === 404 || response.status === 400) return null;
			if (!response.ok) throw new Error("history " + response.status);
			const body = await response.json();
			return Array.isArray(body.messages) ? body : null;
		}

		// ------------------------------------------------------------------ real time

		connectSocket() {
			const id = this.session();
			if (!id || !this.connected || typeof WebSocket === "undefined") return;
			if (this.socket && this.socket.readyState <= 1 && this.socketSession === id) return;
			clearTimeout(this.socketTimer);
			const url = new URL(this.base + "/api/v1/chat/ws");
			url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
			url.searchParams.set("session_id", id);
			let socket;
			try {
				socket = new WebSocket(url.href);
			} catch (ignored) {
				this.retrySocket();
				return;
			}
			this.socket = socket;
			this.socketSession = id;
			socket.onmessage = (event) => this.onFrame(parse(event.data));
			socket.onclose = () => {
				this.removeAttribute("data-live");
				if (this.socket === socket) {
					this.socket = null;
					this.retrySocket();
				}
			};
		}

		retrySocket() {
			if (!this.connected || !this.session()) return;
			const delay = Math.min(30000, 1000 * 2 ** Math.min(this.socketAttempts, 5)) * (0.75 + Math.random() / 2);
			this.socketAttempts++;
			clearTimeout(this.socketTimer);
			this.socketTimer = setTimeout(() => this.connectSocket(), delay);
		}

		onFrame(frame) {
			if (!frame || typeof frame.type !== "string") return;
			if (frame.type === "session") {
				// pushes reach this page from now on
				this.setAttribute("data-live", "");
				this.socketAttempts = 0;
				if (this.socketOpened) this.history(false); // catch up on what the gap hid
				this.socketOpened = true;
				if (this.status === undefined || this.status === null) {
					// where a restored conversation stands: no announcement
					this.status = frame.status;
					if (frame.status === "HUMAN_ACTIVE") this.subtitle.textContent = this.t("withTeam");
				} else {
					this.showStatus(frame.status, true);
				}
			} else if (frame.type === "message" && frame.sender === "staff" && typeof frame.text === "string") {
				this.queue = this.queue.then(() => {
					this.known++;
					this.append(message("staff", frame.text, this.speaks));
					if (this.panel.hidden) {
						this.unread++;
						this.showBadge();
					}
				});
			} else if (frame.type === "status") {
				this.showStatus(frame.status, true);
			} else if (frame.type === "typing") {
				this.typing.hidden = !frame.typing;
			} else if (frame.type === "error" && frame.status === 404) {
				this.forget();
			}
		}

	}

	// -------------------------------------------------------------------- helpers

	function el(name, attributes, text) {
		const node = document.createElement(name);
		for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
		if (text !== undefined) node.textContent = text;
		return node;
	}

	const WHO = { patient: "you", bot: "assistant", staff: "staff" };

	function message(kind, text, lang) {
		const sender = kind.split(" ")[0];
		const node = el("div", { class: "msg " + kind, part: "message " + sender, "data-sender": sender });
		// only staff are named on screen; screen readers hear every sender
		const who = el("span", { class: sender === "staff" ? "who" : "who sr-only" }, say(lang, WHO[sender]) + ":");
		node.append(who, el("span", { class: "text" }, text));
		return node;
	}

	/**
	 * The clinic-local date and time exactly as the server wrote them (with the clinic's
	 * offset): never converted through the browser's clock or time zone.
	 */
	function clinicLocal(iso, lang) {
		const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(String(iso || ""));
		if (!match) return { date: String(iso || ""), time: "" };
		const [, year, month, day, hour, minute] = match.map(Number);
		const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
		const h12 = hour % 12 === 0 ? 12 : hour % 12;
		const minutes = String(minute).padStart(2, "0");
		return {
			date: say(lang, "dateOrder", say(lang, "days")[weekday], say(lang, "months")[month - 1], day, year),
			time: say(lang, "clock12") ? h12 + ":" + minutes + " " + (hour < 12 ? "AM" : "PM")
				: String(hour).padStart(2, "0") + ":" + minutes
		};
	}

	const ACTIONS = ["booked", "rescheduled", "cancelled"];

	function card(appointment, lang) {
		const action = String(appointment.action || "").toLowerCase();
		const status = String(appointment.status || "").toLowerCase();
		const node = el("section", { class: status === "cancelled" ? "card cancelled" : "card", part: "card",
			"data-appointment-id": String(appointment.appointment_id || ""), "aria-label": say(lang, "details") });
		node.append(el("h3", {}, say(lang, ACTIONS.includes(action) ? action : "appointment")));
		const when = clinicLocal(appointment.appointment_date, lang);
		const list = el("dl");
		const row = (label, value, name) => {
			if (!value) return;
			list.append(el("dt", {}, label), el("dd", { "data-field": name }, value));
		};
		row(say(lang, "date"), when.date, "date");
		row(say(lang, "time"), when.time, "time");
		row(say(lang, "service"), appointment.service_name, "service");
		row(say(lang, "provider"), appointment.provider_name, "provider");
		row(say(lang, "status"), status ? status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, " ") : "", "status");
		const deposit = pendingDeposit(appointment.deposit);
		if (deposit) {
			// the deadline is in the reply, in the clinic's time: due_by is UTC
			row(say(lang, "deposit"), amount(deposit), "deposit");
		}
		node.append(list);
		if (deposit) {
			node.append(el("a", { class: "pay", href: deposit.payment_url, rel: "noopener", target: "_blank",
				part: "pay" }, say(lang, "pay", amount(deposit))));
		}
		// only when the server offers one; the widget does not make calendar files up
		const calendar = typeof appointment.calendar_url === "string" ? appointment.calendar_url : null;
		if (calendar && /^https?:\/\//.test(calendar)) {
			node.append(el("a", { href: calendar, rel: "noopener", target: "_blank" }, say(lang, "calendar")));
		}
		return node;
	}

	/** A deposit still to pay through a page the server gave (https only), else null. */
	function pendingDeposit(deposit) {
		if (!deposit || String(deposit.status || "").toLowerCase() !== "pending") return null;
		return typeof deposit.payment_url === "string" && /^https:\/\//.test(deposit.payment_url) ? deposit : null;
	}

	function amount(deposit) {
		return Number(deposit.amount).toFixed(2) + " " + String(deposit.currency || "");
	}

	function read(key) {
		try {
			return window.localStorage.getItem(key);
		} catch (ignored) {
			return null;
		}
	}

	function store(key, value) {
		try {
			if (value === null || value === undefined) window.localStorage.removeItem(key);
			else window.localStorage.setItem(key, value);
		} catch (ignored) {
			// private mode: the chat still works for this page view
		}
	}

	function parse(text) {
		try {
			return text ? JSON.parse(text) : null;
		} catch (ignored) {
			return null;
		}
	}

	if (!customElements.get(TAG)) customElements.define(TAG, SmileDeskChat);

	// the one-tag embed: add the element unless the page already has one
	if (script) {
		const mount = () => {
			if (!document.querySelector(TAG)) document.body.append(document.createElement(TAG));
		};
		if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
		else mount();
	}
})();
