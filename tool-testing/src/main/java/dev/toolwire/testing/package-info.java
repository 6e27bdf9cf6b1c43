/**
 * A fake of Hamsa's web-tool REST API for tests: {@link dev.toolwire.testing.FakeHamsa} serves the
 * endpoints a Toolwire sync uses on a loopback port (web tools, voice agents through {@link
 * dev.toolwire.testing.FakeAgents}, version-check, the key's project, and a test-api-tool that really
 * calls the tool), keeps tools and agents in memory, records every request and can be scripted to
 * fail, slow down, rate-limit or misbehave, in the manner of OkHttp's MockWebServer. It speaks either wire shape Hamsa's documentation describes ({@link
 * dev.toolwire.testing.FakeHamsa.Dialect}).
 */
@NullMarked
package dev.toolwire.testing;

import org.jspecify.annotations.NullMarked;
