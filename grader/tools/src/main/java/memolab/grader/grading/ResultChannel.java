package memolab.grader.grading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How results travel from the JVM that runs a submission to the grader: lines on the
 * child's standard output, each signed with an HMAC whose key the grader hands the child on
 * its standard input before any student code runs. Student code can print lines that look
 * the same, but without the key (held in a private field; reading it would take reflection,
 * which the rules forbid and the grader reports) it cannot sign them, so the grader can
 * tell them apart and flags the attempt.
 */
public final class ResultChannel {

    /** Every channel line starts with this. */
    public static final String PREFIX = "@@memolab-result ";

    private final SecretKeySpec key;

    private ResultChannel(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A channel with a fresh random key (the grader's side). */
    public static ResultChannel withNewKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ResultChannel(key);
    }

    /** The channel for a key received as hex (the child's side). */
    public static ResultChannel fromHex(String hex) {
        return new ResultChannel(HexFormat.of().parseHex(hex.strip()));
    }

    /** The key, as hex, to hand to the child. */
    public String keyHex() {
        return HexFormat.of().formatHex(key.getEncoded());
    }

    /** One signed line (without the line break) carrying {@code payload}. */
    public String sign(String payload) {
        String body = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return PREFIX + mac(body) + " " + body;
    }

    /**
     * The payload of a channel line.
     *
     * @return the payload if the line is a channel line with a valid signature; empty if it
     *         is not a channel line
     * @throws SecurityException if it is a channel line whose signature does not match
     */
    public Optional<String> verify(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 2);
        if (parts.length != 2 || !MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.US_ASCII),
                mac(parts[1]).getBytes(StandardCharsets.US_ASCII))) {
            throw new SecurityException("a result line with a wrong signature");
        }
        return Optional.of(new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private String mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
