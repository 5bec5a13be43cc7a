package io.wasmactors.actorhost;

import io.wasmactors.actors.HostStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What this host serves and which actors are active on it now (the same report its heartbeat sends). */
@RestController
class HostController {
    private final Heartbeat heartbeat;

    HostController(Heartbeat heartbeat) {
        this.heartbeat = heartbeat;
    }

    @GetMapping("/host")
    HostStatus status() {
        return heartbeat.status();
    }
}
