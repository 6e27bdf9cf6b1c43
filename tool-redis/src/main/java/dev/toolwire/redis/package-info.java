/**
 * The Redis store ({@code toolwire.store=redis} with Micronaut Redis's {@code redis.uri}): jobs, the
 * retry memory of {@code @Idempotent} tools, the rate limit's counts and the start-up sync lock,
 * shared by every replica. Each operation is one round trip (a Lua script where it must be atomic),
 * bounded by {@code toolwire.redis.timeout}; when Redis is out of reach, a call that needs it is
 * answered {@code 503 UNAVAILABLE} with a sentence the agent can say, and calls that do not need it
 * go on.
 */
@NullMarked
package dev.toolwire.redis;

import org.jspecify.annotations.NullMarked;
