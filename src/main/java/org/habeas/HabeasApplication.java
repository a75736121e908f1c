package org.habeas;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Habeas: a legal-aid rapid-response workflow engine on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HabeasApplication {

  public static void main(String[] args) {
    SpringApplication.run(HabeasApplication.class, args);
  }
}
