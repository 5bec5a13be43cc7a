package io.wasmactors.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reactor Netty 1.2.18 (the newest 1.2.x served here) stops reading a keep-alive
 * connection when a request arrives before the previous answer's operations have
 * ended (it comes from another thread: a worker, an actuator endpoint) and is then
 * answered at once: the client's next request waits until it gives up
 * (reactor-netty#4361, fixed after that release). Its own switch for the last flush
 * closes that path; it is read once, when the server's first connection opens, so it
 * is set before the context starts (KeepAliveTest; DEVELOPERS.md).
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
