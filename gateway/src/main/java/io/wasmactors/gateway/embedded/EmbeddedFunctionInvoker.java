package io.wasmactors.gateway.embedded;

import io.wasmactors.actors.ActorStats;
import io.wasmactors.actors.ClusterView;
import io.wasmactors.actors.HostStatus;
import io.wasmactors.gateway.GatewayProperties;
import io.wasmactors.gateway.invoke.FunctionInvoker;
import io.wasmactors.gateway.invoke.Invocation;
import io.wasmactors.gateway.invoke.InvokeCount;
import io.wasmactors.gateway.invoke.WorkersBusy;
import io.wasmactors.runtime.function.FunctionManifest;
import io.wasmactors.runtime.function.FunctionRuntime;
import io.wasmactors.runtime.function.RegisteredFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs functions in this process on a bounded worker pool, never on the event loop. */
@Component
@ConditionalOnProperty(name = "wasmactors.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedFunctionInvoker implements FunctionInvoker, AutoCloseable {
    private final FunctionRuntime runtime;
    private final Map<String, InstancePool> pools = new ConcurrentHashMap<>();
    private final Map<String, InvokeCount> counts = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor executor;
    private final Scheduler workers;
    private final String host;

    public EmbeddedFunctionInvoker(FunctionRuntime runtime, GatewayProperties properties) {
        this.runtime = runtime;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.workers(), properties.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queue()), runnable -> {
                    Thread thread = new Thread(runnable, "wasm-worker-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.workers = Schedulers.fromExecutorService(executor, "wasm-workers");
        this.host = "embedded@" + hostName();
    }

    @Override
    public List<FunctionManifest> functions() {
        return runtime.registry().all().stream().map(RegisteredFunction::manifest).toList();
    }

    @Override
    public Mono<Invocation> invoke(String function, byte[] input, String key) {
        return Mono.fromCallable(() -> {
                    InstancePool.Slot slot = pool(function).pick(key);
                    long start = System.nanoTime();
                    byte[] output = slot.instance().invoke(input);
                    counts.merge(function, new InvokeCount(function, 1, Instant.now()),
                            (old, now) -> new InvokeCount(function, old.count() + 1, now.lastInvoked()));
                    return new Invocation(output, slot.id(), host, (System.nanoTime() - start) / 1_000_000);
                })
                .subscribeOn(workers)
                .onErrorMap(RejectedExecutionException.class,
                        e -> new WorkersBusy("all " + executor.getMaximumPoolSize() + " workers are busy and " + executor.getQueue().size() + " calls wait"));
    }

    @Override
    public Mono<InvokeCount> invokeCount(String function) {
        runtime.registry().get(function);
        return Mono.just(counts.getOrDefault(function, new InvokeCount(function, 0, null)));
    }

    @Override
    public Mono<ClusterView> cluster() {
        List<ActorStats> actors = pools.values().stream().flatMap(pool -> pool.stats(host).stream()).toList();
        List<String> types = runtime.registry().all().stream().map(RegisteredFunction::name).toList();
        return Mono.just(new ClusterView(List.of(new HostStatus(host, types, actors, System.currentTimeMillis()))));
    }

    private InstancePool pool(String function) {
        RegisteredFunction registered = runtime.registry().get(function);
        return pools.computeIfAbsent(function, name -> new InstancePool(runtime, name, registered.manifest().instances()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        workers.dispose();
        pools.values().forEach(InstancePool::close);
    }
}
