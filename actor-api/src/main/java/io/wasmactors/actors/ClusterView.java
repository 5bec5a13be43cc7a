package io.wasmactors.actors;

import java.util.List;

/** The hosts that reported recently, by name. */
public record ClusterView(List<HostStatus> hosts) {
}
