/** Reports example: a slow, asynchronous account report. */
package dev.toolwire.examples.reports;
