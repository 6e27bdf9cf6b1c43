/**
 * Calls an application's tools from its own tests, over the real HTTP stack of the test's embedded
 * server: {@link dev.toolwire.testing.client.ToolClient} and
 * {@link dev.toolwire.testing.client.ToolResponse}.
 */
@NullMarked
package dev.toolwire.testing.client;

import org.jspecify.annotations.NullMarked;
