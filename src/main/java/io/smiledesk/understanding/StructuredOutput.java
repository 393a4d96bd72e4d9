package io.smiledesk.understanding;

/**
 * How the model is asked for JSON: a JSON schema (OpenAI, recent Ollama, vLLM) or plain
 * JSON mode ({@code json_object}) for servers that refuse schemas. Replies are validated
 * either way.
 */
public enum StructuredOutput {

	JSON_SCHEMA, JSON_OBJECT

}
