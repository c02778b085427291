package io.fleetplan.application.port.in.access;

/** A new token and its secret: the only time the secret is shown. */
public record CreatedToken(TokenView token, String secret) {
}
