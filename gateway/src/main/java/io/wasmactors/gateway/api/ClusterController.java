package io.wasmactors.gateway.api;

import io.wasmactors.actors.ClusterView;
import io.wasmactors.gateway.invoke.FunctionInvoker;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The cluster view: live hosts and the actors active on each, as the hosts themselves report them. */
@RestController
class ClusterController {
    private final FunctionInvoker invoker;

    ClusterController(FunctionInvoker invoker) {
        this.invoker = invoker;
    }

    @GetMapping("/api/cluster")
    Mono<ClusterView> cluster() {
        return invoker.cluster();
    }
}
