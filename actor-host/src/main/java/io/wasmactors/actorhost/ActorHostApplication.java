package io.wasmactors.actorhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ActorHostApplication {
    public static void main(String[] args) {
        SpringApplication.run(ActorHostApplication.class, args);
    }
}
