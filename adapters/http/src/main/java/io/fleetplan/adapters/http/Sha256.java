package io.fleetplan.adapters.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests for token lookups and idempotency fingerprints: a fresh digest per call, from one prototype. */
final class Sha256 {
    private static final MessageDigest PROTOTYPE;

    static {
        try {
            PROTOTYPE = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private Sha256() {
    }

    /** A new digest, for this thread alone (cloning is cheaper than looking the algorithm up). */
    static MessageDigest digest() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the SHA-256 digest of this runtime cannot be cloned", e);
        }
    }
}
