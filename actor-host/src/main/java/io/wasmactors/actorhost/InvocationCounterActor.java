package io.wasmactors.actorhost;

import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.dapr.utils.TypeRef;
import io.wasmactors.actors.InvocationCount;
import io.wasmactors.actors.InvocationCounter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Keeps one function's invocation count in actor state; Dapr saves it to Redis
 * after each call. The ids of the latest requests are kept too, so a request that
 * Dapr retried after its first attempt was counted is not counted again, and a
 * failed call's count can be taken back.
 *
 * <p>The Java SDK forgets an actor's state at the start of every call and reads
 * each key it touches again from the sidecar: a key it writes without having read
 * it in the call, too (to tell an added key from an updated one). So a call reads
 * and writes one small key, the {@link Tally}, which also holds the ids of the
 * bucket being filled; every 16th call moves them to one of 16 buckets, and the
 * buckets stay in memory, read again when the tally shows that another activation
 * (on another host) wrote since. One list of 256 ids, read twice and written once
 * per call (30 KB of JSON), cost the host ~2 ms of CPU per call; with the filling
 * bucket in a key of its own, each call read two keys.
 */
public class InvocationCounterActor extends AbstractActor implements InvocationCounter {
    /** The key of the {@link Tally}: it holds an {@link InvocationCount}'s fields, so counts written before it still read. */
    private static final String TALLY = "count";
    private static final String BUCKET = "recent-";
    /** The last 256 to 271 request ids: 16 full buckets and the one being filled, which replaces the oldest. */
    private static final int BUCKETS = 16;
    private static final int BUCKET_SIZE = 16;
    private static final TypeRef<List<String>> IDS = new TypeRef<>() { };
    private static final TypeRef<Tally> TALLY_TYPE = TypeRef.get(Tally.class);

    /** The tally that {@link #buckets} belong to; null until they are read. */
    private Tally known;
    private final List<List<String>> buckets = new ArrayList<>();

    public InvocationCounterActor(ActorRuntimeContext<InvocationCounterActor> context, ActorId id) {
        super(context, id);
    }

    /**
     * @param recorded how many request ids were ever recorded: which bucket the filling one
     *                 replaces, and (with the rest) whether the buckets in memory are current
     * @param filling  the latest ids, not yet in a bucket (none in a tally an earlier version wrote)
     */
    record Tally(long count, String lastInvoked, long recorded, List<String> filling) {
        static final Tally NONE = new Tally(0, null, 0, List.of());

        Tally {
            filling = filling == null ? List.of() : List.copyOf(filling);
        }

        /** The bucket the filling ids go to when full: the oldest. */
        int bucket() {
            return (int) (recorded / BUCKET_SIZE % BUCKETS);
        }
    }

    @Override
    public Mono<Void> record(Invocation invocation) {
        return recordAll(new Invocations(List.of(invocation)));
    }

    @Override
    public Mono<Void> recordAll(Invocations invocations) {
        return current().flatMap(tally -> {
            Tally next = tally;
            List<Mono<Void>> bucketWrites = new ArrayList<>();
            for (Invocation invocation : invocations.invocations()) {
                String id = invocation.requestId();
                if (next.filling().contains(id) || bucketHolding(id) >= 0) {
                    continue;
                }
                List<String> filling = new ArrayList<>(next.filling());
                filling.add(id);
                int bucket = next.bucket();
                next = new Tally(next.count() + 1, invocation.invokedAt(), next.recorded() + 1, filling);
                if (next.recorded() % BUCKET_SIZE == 0) {
                    bucketWrites.add(writeBucket(bucket, filling));
                    next = new Tally(next.count(), next.lastInvoked(), next.recorded(), List.of());
                }
            }
            return next == tally ? Mono.empty() : Flux.concat(bucketWrites).then(write(next));
        });
    }

    @Override
    public Mono<Void> forget(String requestId) {
        return current().flatMap(tally -> {
            // The last-invoked time stays: it is of a call that ran, if not to its end.
            if (tally.filling().contains(requestId)) {
                List<String> filling = new ArrayList<>(tally.filling());
                filling.remove(requestId);
                return write(new Tally(tally.count() - 1, tally.lastInvoked(), tally.recorded(), filling));
            }
            int bucket = bucketHolding(requestId);
            if (bucket < 0) {
                return Mono.empty();
            }
            List<String> ids = new ArrayList<>(buckets.get(bucket));
            ids.remove(requestId);
            return writeBucket(bucket, ids)
                    .then(write(new Tally(tally.count() - 1, tally.lastInvoked(), tally.recorded(), tally.filling())));
        });
    }

    @Override
    public Mono<InvocationCount> get() {
        return storedTally().map(tally -> new InvocationCount(tally.count(), tally.lastInvoked()));
    }

    /** The stored tally, with the buckets in memory read again unless they belong to it. */
    private Mono<Tally> current() {
        return storedTally().flatMap(tally -> tally.equals(known) ? Mono.just(tally)
                : Flux.range(0, BUCKETS)
                        .concatMap(n -> n * BUCKET_SIZE < tally.recorded() ? stored(BUCKET + n, IDS, List.<String>of()) : Mono.just(List.<String>of()))
                        .collectList()
                        .map(read -> {
                            buckets.clear();
                            buckets.addAll(read);
                            known = tally;
                            return tally;
                        }));
    }

    /**
     * Memory takes the change now; Dapr saves it when the call ends. Should that save
     * fail, the stored tally differs from {@link #known} and the next call reads again.
     */
    private Mono<Void> write(Tally tally) {
        known = tally;
        return getActorStateManager().set(TALLY, tally);
    }

    private Mono<Void> writeBucket(int bucket, List<String> ids) {
        buckets.set(bucket, ids);
        return getActorStateManager().set(BUCKET + bucket, ids);
    }

    private int bucketHolding(String requestId) {
        for (int n = 0; n < buckets.size(); n++) {
            if (buckets.get(n).contains(requestId)) {
                return n;
            }
        }
        return -1;
    }

    private Mono<Tally> storedTally() {
        return stored(TALLY, TALLY_TYPE, Tally.NONE);
    }

    private <T> Mono<T> stored(String key, TypeRef<T> type, T absent) {
        return getActorStateManager().get(key, type).onErrorResume(NoSuchElementException.class, e -> Mono.just(absent));
    }
}
