package io.wasmactors.actorhost;

import io.wasmactors.actors.InvocationCount;
import io.wasmactors.actors.InvocationCounter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BatchingCounterTest {
    /** A counter whose writes end when the test says, so the test sees which calls each write holds. */
    private static final class HeldWrites implements InvocationCounter {
        final List<List<String>> batches = new ArrayList<>();
        final List<Sinks.Empty<Void>> ends = new ArrayList<>();

        boolean throwNext;

        @Override
        public synchronized Mono<Void> recordAll(Invocations invocations) {
            if (throwNext) {
                throwNext = false;
                throw new IllegalStateException("no proxy");
            }
            batches.add(invocations.invocations().stream().map(Invocation::requestId).toList());
            Sinks.Empty<Void> end = Sinks.empty();
            ends.add(end);
            return end.asMono();
        }

        void end(int write) {
            ends.get(write).tryEmitEmpty();
        }

        void fail(int write) {
            ends.get(write).tryEmitError(new IllegalStateException("the counter is gone"));
        }

        @Override
        public Mono<Void> record(Invocation invocation) {
            throw new UnsupportedOperationException("hosts record in batches");
        }

        @Override
        public Mono<Void> forget(String requestId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Mono<InvocationCount> get() {
            throw new UnsupportedOperationException();
        }
    }

    private final HeldWrites counter = new HeldWrites();
    private final BatchingCounter batching = new BatchingCounter(counter);

    private List<CompletableFuture<Void>> record(String... ids) {
        return Arrays.stream(ids)
                .map(id -> batching.record(new InvocationCounter.Invocation(id, "2026-11-30T00:00:00Z")).toFuture())
                .toList();
    }

    @Test
    void callsAreWrittenAloneUntilFourWritesAreInFlightThenTogether() {
        List<CompletableFuture<Void>> first = record("a", "b", "c", "d");
        List<CompletableFuture<Void>> waiting = record("e", "f", "g");
        assertThat(counter.batches).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));

        counter.end(1);
        assertThat(first.get(1)).isCompleted();
        assertThat(first.get(0)).isNotCompleted();
        assertThat(counter.batches).hasSize(5).last().isEqualTo(List.of("e", "f", "g"));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        counter.end(4);
        assertThat(waiting).allMatch(call -> call.isDone() && !call.isCompletedExceptionally());
        record("h");
        assertThat(counter.batches).as("a write's place was free").hasSize(6).last().isEqualTo(List.of("h"));
    }

    @Test
    void aFailedWriteFailsExactlyTheCallsItHeld() {
        List<CompletableFuture<Void>> first = record("a", "b", "c", "d");
        List<CompletableFuture<Void>> held = record("e", "f", "g");
        counter.end(0);
        assertThat(counter.batches.get(4)).isEqualTo(List.of("e", "f", "g"));
        counter.fail(4);
        assertThat(held).allMatch(CompletableFuture::isCompletedExceptionally);
        assertThat(first.get(0)).isCompleted();
        assertThat(first.subList(1, 4)).noneMatch(CompletableFuture::isDone);
        record("h");
        assertThat(counter.batches).as("writing goes on after a failure").last().isEqualTo(List.of("h"));
    }

    @Test
    void aWriteThatThrowsFailsItsCallsAndFreesItsPlace() {
        counter.throwNext = true;
        assertThat(record("a").get(0)).isCompletedExceptionally();
        record("b", "c", "d", "e");
        assertThat(counter.batches).containsExactly(List.of("b"), List.of("c"), List.of("d"), List.of("e"));
    }

    @Test
    void aWriteHoldsAtMostSixtyFourCalls() {
        record("a", "b", "c", "d");
        record(IntStream.range(0, 70).mapToObj(n -> "id-" + n).toArray(String[]::new));
        counter.end(0);
        counter.end(1);
        assertThat(counter.batches.get(4)).hasSize(BatchingCounter.MAX_BATCH);
        assertThat(counter.batches.get(5)).hasSize(70 - BatchingCounter.MAX_BATCH);
    }
}
