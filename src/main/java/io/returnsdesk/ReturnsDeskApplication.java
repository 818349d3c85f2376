package io.returnsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The returns desk: product returns of a purchase-sales-inventory system as a Camunda 7
 * process (its process application:
 * {@code system.process.ReturnsDeskProcessApplication}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReturnsDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReturnsDeskApplication.class, args);
	}

}
