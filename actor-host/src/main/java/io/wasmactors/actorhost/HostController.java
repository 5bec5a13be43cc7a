package io.wasmactors.actorhost;

import io.wasmactors.actors.ActorStats;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.function.RegisteredFunction;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What this host serves and which actors are active on it now: read by the gateway's cluster view. */
@RestController
class HostController {
    record HostStatus(String host, List<String> actorTypes, List<ActorStats> actors) {
    }

    private final ActorServices services;
    private final FunctionRuntime runtime;

    HostController(ActorServices services, FunctionRuntime runtime) {
        this.services = services;
        this.runtime = runtime;
    }

    @GetMapping("/host")
    HostStatus status() {
        return new HostStatus(services.hostName(),
                runtime.registry().all().stream().map(RegisteredFunction::name).toList(),
                services.active().stats());
    }
}
