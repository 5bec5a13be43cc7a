package io.wasmactors.actors;

import java.util.List;

/**
 * One actor host as the cluster view shows it.
 *
 * @param actorTypes the functions it registered with Dapr
 * @param actors     its active function actors
 * @param seenAtMs   when it last reported, epoch milliseconds
 */
public record HostStatus(String host, List<String> actorTypes, List<ActorStats> actors, long seenAtMs) {
}
