package vn.cpms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The runnable CPMS application: command side, query side, REST API and web UI in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CpmsApplication {
  public static void main(String[] args) {
    SpringApplication.run(CpmsApplication.class, args);
  }
}
