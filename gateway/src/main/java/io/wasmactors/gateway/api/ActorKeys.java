package io.wasmactors.gateway.api;

import java.util.regex.Pattern;

/**
 * What an {@code X-Actor-Key} may be. In Dapr mode the key is an actor id, and daprd
 * puts actor ids into URL paths unescaped: a '/', '?', '#', '%' or ';' in one sent
 * the call to a different path or a different actor. The same rule holds in embedded
 * mode, so a key that works there works on a cluster.
 */
final class ActorKeys {
    private static final int MAX_LENGTH = 128;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:@+=-]{0," + (MAX_LENGTH - 1) + "}");

    private ActorKeys() {
    }

    /** @return {@code key}, or null when none was given */
    static String checked(String key) {
        if (key != null && !VALID.matcher(key).matches()) {
            throw new BadRequest(FunctionsController.ACTOR_KEY + " must be 1 to " + MAX_LENGTH
                    + " ASCII letters, digits and . _ ~ : @ + = - starting with a letter or digit; got '" + key + "'");
        }
        return key;
    }
}
