/**
 * Runnable examples of Toolwire tools. Each sub-package is one business area with its tools and its
 * seeded in-memory data; together they are the end-to-end test suite of the framework.
 */
package dev.toolwire.examples;
