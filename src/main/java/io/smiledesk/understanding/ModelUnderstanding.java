package io.smiledesk.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import io.smiledesk.clinic.ClinicSnapshot;
import io.smiledesk.clinic.ProviderInfo;
import io.smiledesk.clinic.ServiceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a message with an OpenAI-compatible chat model, on top of the offline reader.
 * <p>
 * The offline reader always runs first: it is cheap, and its answer is the fallback when
 * the model fails, times out, answers something invalid, or the message looks like a
 * prompt injection (then the model is not called at all). When the model answers, its
 * reply is validated field by field and merged:
 * <ul>
 * <li>intent: the model's, except that an offline EMERGENCY always stands (escalating is
 * the safe mistake) and a model UNKNOWN leaves the offline intent;</li>
 * <li>email, phone, date of birth, when and choice: the offline reader's (exact patterns,
 * measured), the model's only where offline found nothing;</li>
 * <li>service, provider and name: the model's (it knows synonyms), else the offline
 * reader's.</li>
 * </ul>
 * The model sees only the public catalog (service and provider ids and names), the
 * clinic-local time, what the assistant awaits and this conversation's last turns. It
 * proposes; the dialogue policy decides.
 * <p>
 * Over 300 lines: the prompt, the schema, the checks of each field the model returns
 * against the message and the catalog, and the merge with the offline reading belong to
 * one contract with the model, and are tested as one.
 */
public final class ModelUnderstanding implements MessageUnderstanding {

	static final String INJECTION = "prompt-injection-suspected";

	static final int RECENT_TURNS = 6;

	static final int MAX_TURN_LENGTH = 500;

	static final int MAX_MESSAGE_LENGTH = 2000;

	private static final Logger log = LoggerFactory.getLogger(ModelUnderstanding.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SYSTEM_PROMPT = resource("/prompts/understanding-system.txt");

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9 ().-]{5,24}");

	private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L} .'-]{0,98}");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	private final MessageUnderstanding offline;

	private final ChatModel model;

	private final ResponseFormat responseFormat;

	public ModelUnderstanding(MessageUnderstanding offline, ChatModel model) {
		this(offline, model, StructuredOutput.JSON_SCHEMA);
	}

	public ModelUnderstanding(MessageUnderstanding offline, ChatModel model, StructuredOutput output) {
		this.offline = Objects.requireNonNull(offline);
		this.model = Objects.requireNonNull(model);
		this.responseFormat = (output == StructuredOutput.JSON_OBJECT) ? ResponseFormat.JSON
				: ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema()).build();
	}

	@Override
	public boolean readsHistory() {
		return true;
	}

	@Override
	public Understanding understand(String text, MessageContext context) {
		Understanding offline = this.offline.understand(text, context);
		if (text == null || text.isBlank()) {
			return offline.withFallback("empty message");
		}
		if (text.length() > MAX_MESSAGE_LENGTH) {
			return offline.withFallback("message too long");
		}
		if (PromptInjection.suspected(text)) {
			return offline.withFallback(INJECTION);
		}
		String reply;
		try {
			reply = this.model.chat(request(text, context)).aiMessage().text();
		}
		catch (RuntimeException ex) {
			String reason = ModelFailures.reason(ex);
			log.warn("Model understanding unavailable ({}); the offline reading is used", reason);
			return offline.withFallback(reason);
		}
		try {
			return merge(read(reply, text, context), offline);
		}
		catch (InvalidReply ex) {
			log.warn("Model understanding rejected ({}); the offline reading is used", ex.getMessage());
			return offline.withFallback(ex.getMessage());
		}
	}

	private ChatRequest request(String text, MessageContext context) {
		return ChatRequest.builder()
			.messages(SystemMessage.from(SYSTEM_PROMPT + "\n\n" + clinicContext(context)),
					UserMessage.from(conversation(text, context)))
			.responseFormat(this.responseFormat)
			.build();
	}

	/** Trusted facts only: public catalog, time, what the assistant awaits. */
	private static String clinicContext(MessageContext context) {
		ObjectNode root = JSON.createObjectNode();
		LocalDateTime now = context.now().truncatedTo(ChronoUnit.MINUTES);
		root.put("now", now.toString());
		root.put("weekday", now.getDayOfWeek().toString());
		root.put("awaiting", context.awaiting());
		ArrayNode intents = root.putArray("intents");
		Arrays.stream(Intent.values()).forEach(intent -> intents.add(intent.name()));
		ArrayNode services = root.putArray("services");
		ArrayNode providers = root.putArray("providers");
		ClinicSnapshot clinic = context.clinic();
		if (clinic != null) {
			clinic.services()
				.stream()
				.filter(ServiceInfo::active)
				.forEach(service -> services.addObject().put("id", service.id()).put("name", service.name()));
			clinic.activeProviders()
				.forEach(provider -> providers.addObject().put("id", provider.id()).put("name", provider.name()));
		}
		return "Clinic context (trusted):\n" + JSON.writeValueAsString(root);
	}

	/**
	 * Untrusted text as JSON strings, so nothing in it can close the data or pose as
	 * another message. Earlier turns that look like injections are left out.
	 */
	private static String conversation(String text, MessageContext context) {
		ObjectNode root = JSON.createObjectNode();
		ArrayNode turns = root.putArray("recent_turns");
		List<MessageContext.Turn> recent = (context.recent() != null) ? context.recent() : List.of();
		recent.stream()
			.skip(Math.max(0, recent.size() - RECENT_TURNS))
			.filter(turn -> turn != null && turn.text() != null)
			.filter(turn -> !(turn.fromPatient() && PromptInjection.suspected(turn.text())))
			.forEach(turn -> turns.addObject()
				.put("from", turn.fromPatient() ? "patient" : "assistant")
				.put("text", abbreviate(turn.text())));
		root.put("message", text);
		return JSON.writeValueAsString(root);
	}

	private static String abbreviate(String text) {
		return (text.length() <= MAX_TURN_LENGTH) ? text : text.substring(0, MAX_TURN_LENGTH) + "...";
	}

	/**
	 * The model's proposal, every field checked; unusable optional fields are dropped.
	 */
	private static Understanding read(String reply, String text, MessageContext context) {
		if (reply == null || reply.isBlank()) {
			throw new InvalidReply("empty reply");
		}
		JsonNode root;
		try {
			root = JSON.readTree(unfenced(reply));
		}
		catch (JacksonException ex) {
			throw new InvalidReply("invalid json");
		}
		if (root == null || !root.isObject()) {
			throw new InvalidReply("invalid json");
		}
		Intent intent = intent(root.get("intent"));
		double confidence = confidence(root.get("confidence"));
		LocalDateTime now = context.now();
		Entities entities = new Entities(service(string(root, "service_id"), context.clinic()),
				provider(string(root, "provider_id"), context.clinic()), name(string(root, "name"), text),
				email(string(root, "email"), text), phone(string(root, "phone"), text),
				dateOfBirth(string(root, "date_of_birth"), now), when(root, now), choice(root.get("choice")));
		String language = string(root, "language");
		language = (language != null && LANGUAGE.matcher(language.toLowerCase(Locale.ROOT)).matches())
				? language.toLowerCase(Locale.ROOT) : null;
		return new Understanding(intent, confidence, entities, language, Understanding.MODEL, null);
	}

	private static Understanding merge(Understanding model, Understanding offline) {
		Intent intent = model.intent();
		double confidence = model.confidence();
		if (offline.intent() == Intent.EMERGENCY
				|| (model.intent() == Intent.UNKNOWN && offline.intent() != Intent.UNKNOWN)) {
			intent = offline.intent();
			confidence = offline.confidence();
		}
		Entities fromModel = model.entities();
		Entities fromOffline = (offline.entities() != null) ? offline.entities() : Entities.NONE;
		Entities entities = new Entities(first(fromModel.serviceId(), fromOffline.serviceId()),
				first(fromModel.providerId(), fromOffline.providerId()), first(fromModel.name(), fromOffline.name()),
				first(fromOffline.email(), fromModel.email()), first(fromOffline.phone(), fromModel.phone()),
				first(fromOffline.dateOfBirth(), fromModel.dateOfBirth()), first(fromOffline.when(), fromModel.when()),
				first(fromOffline.choice(), fromModel.choice()));
		String language = first(model.language(), first(offline.language(), "en"));
		return new Understanding(intent, confidence, entities, language, Understanding.MODEL, null,
				intent == Intent.QUESTION || model.asks() || offline.asks());
	}

	private static Intent intent(JsonNode node) {
		if (node == null || !node.isString()) {
			throw new InvalidReply("invalid intent");
		}
		String name = node.asString().trim().toUpperCase(Locale.ROOT).replaceAll("[ -]", "_");
		try {
			return Intent.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidReply("invalid intent");
		}
	}

	private static double confidence(JsonNode node) {
		if (node == null || !node.isNumber() || Double.isNaN(node.asDouble())) {
			return 0.5;
		}
		return Math.max(0, Math.min(1, node.asDouble()));
	}

	private static String service(String value, ClinicSnapshot clinic) {
		if (value == null || clinic == null) {
			return null;
		}
		return clinic.service(value).map(ServiceInfo::id).orElse(null);
	}

	private static String provider(String value, ClinicSnapshot clinic) {
		if (value == null || clinic == null) {
			return null;
		}
		return clinic.activeProviders()
			.stream()
			.filter(provider -> provider.id().equals(value) || provider.name().equalsIgnoreCase(value))
			.map(ProviderInfo::id)
			.findFirst()
			.orElse(null);
	}

	/** A name whose every word the patient actually wrote. */
	private static String name(String value, String text) {
		if (value == null || value.length() < 2 || !NAME.matcher(value).matches()) {
			return null;
		}
		String written = text.toLowerCase(Locale.ROOT);
		String[] words = value.trim().split("\\s+");
		if (words.length > 5) {
			return null;
		}
		for (String word : words) {
			String bare = word.replaceAll("[.]", "").toLowerCase(Locale.ROOT);
			if (!bare.isEmpty() && !written.contains(bare)) {
				return null;
			}
		}
		return value.trim();
	}

	private static String email(String value, String text) {
		if (value == null || value.length() > 254 || !EMAIL.matcher(value).matches()
				|| !text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
			return null;
		}
		return value;
	}

	private static String phone(String value, String text) {
		if (value == null || !PHONE.matcher(value).matches()) {
			return null;
		}
		String digits = value.replaceAll("\\D", "");
		if (digits.length() < 7 || digits.length() > 15 || !text.replaceAll("\\D", "").contains(digits)) {
			return null;
		}
		return value.trim();
	}

	private static LocalDate dateOfBirth(String value, LocalDateTime now) {
		LocalDate date = date(value);
		LocalDate today = now.toLocalDate();
		if (date == null || date.isAfter(today) || date.isBefore(today.minusYears(120))) {
			return null;
		}
		return date;
	}

	/** Clinic-local, from today to two years ahead; windows at most three months wide. */
	private static TimeExpression when(JsonNode root, LocalDateTime now) {
		LocalDateTime earliest = now.toLocalDate().atStartOfDay();
		LocalDateTime latest = now.plusYears(2);
		LocalDateTime at = dateTime(string(root, "when_at"));
		if (at != null && !at.isBefore(earliest) && !at.isAfter(latest)) {
			return new TimeExpression.At(at);
		}
		LocalDateTime from = dateTime(string(root, "when_from"));
		LocalDateTime to = dateTime(string(root, "when_to"));
		if (from != null && to != null && from.isBefore(to) && !from.isBefore(earliest) && !to.isAfter(latest)
				&& !to.isAfter(from.plusDays(93))) {
			return new TimeExpression.Between(from, to);
		}
		return null;
	}

	private static Integer choice(JsonNode node) {
		if (node == null || !node.canConvertToInt()) {
			return null;
		}
		int value = node.asInt();
		return (node.isIntegralNumber() || node.isString()) && value >= 1 && value <= 20 ? value : null;
	}

	private static LocalDate date(String value) {
		try {
			return (value != null) ? LocalDate.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** ISO local date-time; an offset or zone is refused (times are clinic-local). */
	private static LocalDateTime dateTime(String value) {
		try {
			return (value != null) ? LocalDateTime.parse(value.replace(' ', 'T')) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String string(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || !node.isString()) {
			return null;
		}
		String value = node.asString().trim();
		return (value.isEmpty() || value.equalsIgnoreCase("null")) ? null : value;
	}

	/** Some servers wrap JSON in a Markdown fence even in JSON mode. */
	private static String unfenced(String reply) {
		String trimmed = reply.strip();
		if (trimmed.startsWith("```")) {
			trimmed = trimmed.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
		}
		return trimmed;
	}

	private static <T> T first(T preferred, T otherwise) {
		return (preferred != null) ? preferred : otherwise;
	}

	private static JsonSchema schema() {
		JsonSchemaElement text = nullable(new JsonStringSchema());
		JsonObjectSchema root = JsonObjectSchema.builder()
			.addProperty("intent",
					JsonEnumSchema.builder()
						.enumValues(Arrays.stream(Intent.values()).map(Intent::name).toList())
						.build())
			.addProperty("confidence", new JsonNumberSchema())
			.addProperty("language", new JsonStringSchema())
			.addProperty("service_id", text)
			.addProperty("provider_id", text)
			.addProperty("name", text)
			.addProperty("email", text)
			.addProperty("phone", text)
			.addProperty("date_of_birth", text)
			.addProperty("when_at", text)
			.addProperty("when_from", text)
			.addProperty("when_to", text)
			.addProperty("choice", nullable(new JsonIntegerSchema()))
			.required("intent", "confidence", "language", "service_id", "provider_id", "name", "email", "phone",
					"date_of_birth", "when_at", "when_from", "when_to", "choice")
			.additionalProperties(false)
			.build();
		return JsonSchema.builder().name("understanding").rootElement(root).build();
	}

	private static JsonSchemaElement nullable(JsonSchemaElement element) {
		return JsonAnyOfSchema.builder().anyOf(element, new JsonNullSchema()).build();
	}

	static String resource(String path) {
		try (InputStream in = ModelUnderstanding.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException(path + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A reply that cannot be used; the message is the fallback reason. */
	private static final class InvalidReply extends RuntimeException {

		InvalidReply(String reason) {
			super(reason, null, false, false);
		}

	}

}
