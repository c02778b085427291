/**
 * The HTTP adapter: Fleetplan's JSON API under {@code /api/v1}, served by Javalin.
 *
 * <p>{@link io.fleetplan.adapters.http.HttpApi} is the one public entry: it takes the use cases it
 * exposes ({@link io.fleetplan.adapters.http.Endpoints}) and its settings. Everything else is
 * package-private. One route table (built from one {@code *Routes} class per feature) drives both
 * the server's routing and the OpenAPI document, so the two cannot drift. Handlers are thin: parse,
 * build the command, call the use case, write the view. Every error leaves through one mapper as
 * RFC 9457 {@code application/problem+json}.
 */
package io.fleetplan.adapters.http;
