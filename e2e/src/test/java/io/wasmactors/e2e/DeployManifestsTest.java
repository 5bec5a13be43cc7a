package io.wasmactors.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests cannot be applied here; this keeps them in step with
 * the local launcher's settings (deploy/local.env), the apps' own configuration
 * and the Dapr resources in components/, so the two ways to run cannot drift apart.
 */
class DeployManifestsTest {
    /** A manifest's time limit when it names none (the runtime's Limits.DEFAULTS; e2e does not depend on the runtime). */
    private static final long DEFAULT_TIMEOUT_MS = 10_000;

    private final Path root = Path.of(System.getProperty("wasmactors.root"));

    private Map<String, String> local() throws IOException {
        Map<String, String> settings = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve("deploy/local.env"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split("=", 2);
                settings.put(pair[0], pair[1].replaceAll("^\"|\"$", ""));
            }
        }
        return settings;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(root.resolve(file))) {
            for (Object document : new Yaml().loadAll(reader)) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private Map<String, Object> kind(String file, String kind) throws IOException {
        return documents(file).stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            current = key.matches("\\d+") ? ((List<Object>) current).get(Integer.parseInt(key)) : ((Map<String, Object>) current).get(key);
        }
        return (T) current;
    }

    private static Map<String, String> env(Map<String, Object> deployment) {
        Map<String, String> env = new HashMap<>();
        List<Map<String, Object>> entries = at(deployment, "spec", "template", "spec", "containers", "0", "env");
        for (Map<String, Object> entry : entries) {
            Object value = entry.containsKey("value") ? entry.get("value")
                    : at(entry, "valueFrom", "secretKeyRef", "name");
            env.put((String) entry.get("name"), String.valueOf(value));
        }
        return env;
    }

    private int appPort(String module) throws IOException {
        Map<String, Object> config;
        try (Reader reader = Files.newBufferedReader(root.resolve(module + "/src/main/resources/application.yml"))) {
            config = new Yaml().load(reader);
        }
        return at(config, "server", "port");
    }

    @Test
    void actorHostDeploymentMatchesTheLauncher() throws IOException {
        Map<String, String> local = local();
        Map<String, Object> deployment = kind("deploy/k8s/actor-host.yaml", "Deployment");
        Map<String, String> annotations = at(deployment, "spec", "template", "metadata", "annotations");
        assertThat(annotations).containsEntry("dapr.io/enabled", "true")
                .containsEntry("dapr.io/app-id", local.get("ACTOR_HOST_APP_ID"))
                .containsEntry("dapr.io/app-port", local.get("ACTOR_HOST_APP_PORT"))
                .containsEntry("dapr.io/config", local.get("DAPR_CONFIGURATION"))
                .containsEntry("dapr.io/max-body-size", local.get("DAPR_MAX_BODY_SIZE"))
                .containsEntry("dapr.io/app-token-secret", local.get("APP_API_TOKEN_SECRET"))
                .doesNotContainKey("dapr.io/api-token-secret");
        int containerPort = at(deployment, "spec", "template", "spec", "containers", "0", "ports", "0", "containerPort");
        assertThat(String.valueOf(containerPort)).isEqualTo(local.get("ACTOR_HOST_APP_PORT"));
        assertThat(String.valueOf(appPort("actor-host"))).isEqualTo(local.get("ACTOR_HOST_APP_PORT"));
        assertThat(env(deployment)).containsEntry("SERVER_PORT", local.get("ACTOR_HOST_APP_PORT"))
                .containsEntry("APP_API_TOKEN", local.get("APP_API_TOKEN_SECRET"))
                .containsEntry("JDK_JAVA_OPTIONS", local.get("ACTOR_HOST_JAVA_OPTIONS"));
        assertThat((Integer) at(deployment, "spec", "replicas")).isGreaterThanOrEqualTo(2);
        Map<String, Object> hpa = kind("deploy/k8s/actor-host.yaml", "HorizontalPodAutoscaler");
        assertThat((String) at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(at(deployment, "metadata", "name"));
        assertThat((String) at(hpa, "spec", "metrics", "0", "resource", "name")).isEqualTo("cpu");
    }

    @Test
    void gatewayDeploymentMatchesTheLauncher() throws IOException {
        Map<String, String> local = local();
        Map<String, Object> deployment = kind("deploy/k8s/gateway.yaml", "Deployment");
        Map<String, String> annotations = at(deployment, "spec", "template", "metadata", "annotations");
        assertThat(annotations).containsEntry("dapr.io/app-id", local.get("GATEWAY_APP_ID"))
                .containsEntry("dapr.io/http-port", local.get("GATEWAY_DAPR_HTTP_PORT"))
                .containsEntry("dapr.io/config", local.get("DAPR_CONFIGURATION"))
                .containsEntry("dapr.io/max-body-size", local.get("DAPR_MAX_BODY_SIZE"))
                .containsEntry("dapr.io/api-token-secret", local.get("DAPR_API_TOKEN_SECRET"));
        int containerPort = at(deployment, "spec", "template", "spec", "containers", "0", "ports", "0", "containerPort");
        assertThat(String.valueOf(containerPort)).isEqualTo(local.get("GATEWAY_APP_PORT"));
        assertThat(String.valueOf(appPort("gateway"))).isEqualTo(local.get("GATEWAY_APP_PORT"));
        assertThat(env(deployment)).containsEntry("WASMACTORS_MODE", "dapr").containsEntry("SERVER_PORT", local.get("GATEWAY_APP_PORT"));
        Map<String, Object> service = kind("deploy/k8s/gateway.yaml", "Service");
        assertThat((Integer) at(service, "spec", "ports", "0", "targetPort")).isEqualTo(containerPort);
    }

    @Test
    void daprResourcesMatchTheLocalComponents() throws IOException {
        Map<String, String> local = local();
        Map<String, Object> store = kind("deploy/k8s/dapr-resources.yaml", "Component");
        Map<String, Object> localStore = kind("components/statestore.yaml", "Component");
        assertThat((String) at(store, "metadata", "name")).isEqualTo(local.get("ACTOR_STATE_STORE")).isEqualTo(at(localStore, "metadata", "name"));
        assertThat((String) at(store, "spec", "type")).isEqualTo(at(localStore, "spec", "type"));

        Map<String, Object> configuration = kind("deploy/k8s/dapr-resources.yaml", "Configuration");
        Map<String, Object> localConfiguration = kind("components/config.yaml", "Configuration");
        assertThat((String) at(configuration, "metadata", "name")).isEqualTo(local.get("DAPR_CONFIGURATION"))
                .isEqualTo(at(localConfiguration, "metadata", "name"));
        assertThat((Object) at(configuration, "spec")).isEqualTo(at(localConfiguration, "spec"));

        Map<String, Object> resiliency = kind("deploy/k8s/dapr-resources.yaml", "Resiliency");
        Map<String, Object> localResiliency = kind("components/resiliency.yaml", "Resiliency");
        assertThat((String) at(resiliency, "metadata", "name")).isEqualTo(local.get("DAPR_RESILIENCY"))
                .isEqualTo(at(localResiliency, "metadata", "name"));
        assertThat((Object) at(resiliency, "spec")).isEqualTo(at(localResiliency, "spec"));
    }

    @Test
    void everyFunctionHasARetryPolicyWhoseTimeoutOutlastsItsTimeLimit() throws IOException {
        Map<String, Object> resiliency = kind("components/resiliency.yaml", "Resiliency");
        Map<String, Object> actors = at(resiliency, "spec", "targets", "actors");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> manifests = Files.list(root.resolve("functions"))) {
            for (Path manifest : manifests.map(dir -> dir.resolve("function.json")).filter(Files::exists).toList()) {
                JsonNode function = json.readTree(manifest.toFile());
                String name = function.get("name").asText();
                assertThat(actors).as("resiliency target for " + manifest).containsKey(name);
                String timeout = at(resiliency, "spec", "policies", "timeouts", at(actors, name, "timeout"));
                assertThat(Duration.parse("PT" + timeout.toUpperCase()))
                        .as("Dapr's timeout for %s against its timeoutMs", name)
                        .isGreaterThan(Duration.ofMillis(function.path("limits").path("timeoutMs").asLong(DEFAULT_TIMEOUT_MS)));
            }
        }
        assertThat(actors).containsKey("invocations");
    }

    @Test
    void theLauncherReadsTheSharedSettings() throws IOException {
        String cluster = Files.readString(root.resolve("scripts/cluster.sh"));
        assertThat(cluster).contains("source \"$root/deploy/local.env\"")
                .contains("\"$ACTOR_HOST_APP_ID\"").contains("\"$GATEWAY_APP_ID\"");
        assertThat(Files.readString(root.resolve("wasmactors"))).contains("$GATEWAY_DAPR_HTTP_PORT");
    }
}
