package io.wasmactors.actors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorReplyTest {
    @Test
    void successKeepsOutputBytesExactly() {
        byte[] output = {0, (byte) 0xff, 42, 7};
        ActorReply decoded = ActorReply.decode(ActorReply.success("classify-1", "host-a", 12, output).encode());
        assertThat(decoded.ok()).isTrue();
        assertThat(decoded.output()).containsExactly(output);
        assertThat(decoded.actorId()).isEqualTo("classify-1");
        assertThat(decoded.host()).isEqualTo("host-a");
        assertThat(decoded.durationMs()).isEqualTo(12);
    }

    @Test
    void failureKeepsItsKind() {
        ActorReply decoded = ActorReply.decode(ActorReply.failure("spin-0", "h", 1500, "time_limit", "ran longer than 1500 ms").encode());
        assertThat(decoded.ok()).isFalse();
        assertThat(decoded.error()).isEqualTo("time_limit");
        assertThat(decoded.detail()).contains("1500 ms");
        assertThat(decoded.output()).isEmpty();
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> ActorReply.decode(new byte[] {0, 0, 0, 99, 1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ActorReply.decode(new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestKeepsItsIdAndInput() {
        byte[] input = {1, 2, 3, (byte) 0x89};
        ActorRequest decoded = ActorRequest.decode(new ActorRequest("req-42", input).encode());
        assertThat(decoded.requestId()).isEqualTo("req-42");
        assertThat(decoded.input()).containsExactly(input);
    }
}
