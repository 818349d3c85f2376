package io.returnsdesk;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The returns desk: product returns of a purchase-sales-inventory system as a Camunda 7
 * process.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableProcessApplication("returns-desk")
public class ReturnsDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReturnsDeskApplication.class, args);
	}

}
