package io.smiledesk.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FakeOpenAiServerTests {

	@Test
	void answersInTheOpenAiShapeAndRecordsRequests() throws Exception {
		try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
			server.reply("{\"ok\":true}");

			HttpResponse<String> response = post(server, "/v1/chat/completions", "{\"model\":\"m\",\"messages\":[]}");

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"object\":\"chat.completion\"", "\"finish_reason\":\"stop\"",
					"\"content\":\"{\\\"ok\\\":true}\"", "\"usage\"");
			assertThat(server.requests()).singleElement()
				.satisfies(request -> assertThat(request.header("authorization")).isEqualTo("Bearer k"));
		}
	}

	@Test
	void servesLangChain4jWithAndWithoutTheV1Prefix() {
		try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
			server.reply("first").reply("second");
			String root = server.baseUrl().replace("/v1", "");

			assertThat(model(server.baseUrl()).chat("hello")).isEqualTo("first");
			assertThat(model(root).chat("hello")).isEqualTo("second");
			assertThat(server.requests()).extracting(FakeOpenAiServer.Request::path)
				.containsExactly("/v1/chat/completions", "/chat/completions");
			assertThat(server.requests().get(0).messageOf("user")).isEqualTo("hello");
		}
	}

	@Test
	void playsErrorsThenTheDefaultAndRefusesOtherPaths() throws Exception {
		try (FakeOpenAiServer server = FakeOpenAiServer.start()) {
			server.fail(429).byDefault("fine");

			assertThat(post(server, "/v1/chat/completions", "{}").statusCode()).isEqualTo(429);
			assertThat(post(server, "/v1/chat/completions", "{}").body()).contains("\"content\":\"fine\"");
			assertThat(post(server, "/v1/embeddings", "{}").statusCode()).isEqualTo(404);
			assertThat(server.requests()).hasSize(2);
			assertThat(server.pending()).isZero();
		}
	}

	private static OpenAiChatModel model(String baseUrl) {
		return OpenAiChatModel.builder()
			.baseUrl(baseUrl)
			.apiKey("k")
			.modelName("m")
			.timeout(Duration.ofSeconds(5))
			.maxRetries(0)
			.build();
	}

	private static HttpResponse<String> post(FakeOpenAiServer server, String path, String body) throws Exception {
		String root = server.baseUrl().replace("/v1", "");
		HttpRequest request = HttpRequest.newBuilder(URI.create(root + path))
			.header("Authorization", "Bearer k")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
