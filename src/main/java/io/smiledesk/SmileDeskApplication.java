package io.smiledesk;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SmileDeskApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(SmileDeskApplication.class);
		// Command-line tasks (e.g. "fixtures --count 25") run without a web server and
		// exit.
		boolean command = Arrays.stream(args).anyMatch(arg -> !arg.startsWith("-"));
		if (command) {
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		application.run(args);
	}

}
