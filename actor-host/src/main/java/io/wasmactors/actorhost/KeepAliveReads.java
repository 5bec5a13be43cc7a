package io.wasmactors.actorhost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * As the gateway's {@code KeepAliveReads}, for this app's server: daprd keeps its
 * connections to the app alive and actor answers come from the worker pool, so a
 * quick answer right after one of them would leave daprd's next call unread.
 */
public class KeepAliveReads implements EnvironmentPostProcessor {
    private static final String LAST_FLUSH_WHEN_NO_READ = "reactor.netty.http.server.lastFlushWhenNoRead";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(LAST_FLUSH_WHEN_NO_READ) == null) {
            System.setProperty(LAST_FLUSH_WHEN_NO_READ, "true");
        }
    }
}
