package vn.cpms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The runnable CPMS application: command side, query side, REST API and web UI in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CpmsApplication {
  /** Axon's anonymous usage reporting; child protection data stays on the province's network. */
  static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

  public static void main(String[] args) {
    if (System.getProperty(AXON_UPDATE_CHECK) == null) {
      System.setProperty(AXON_UPDATE_CHECK, "true");
    }
    SpringApplication.run(CpmsApplication.class, args);
  }
}
