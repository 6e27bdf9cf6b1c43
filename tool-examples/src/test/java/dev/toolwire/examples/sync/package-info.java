/** The Hamsa sync of the example tools, against the fake Hamsa of tool-testing. */
package dev.toolwire.examples.sync;
