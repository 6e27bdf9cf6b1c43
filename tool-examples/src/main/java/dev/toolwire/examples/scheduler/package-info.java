/** Scheduler example: check availability, book and cancel appointments. */
package dev.toolwire.examples.scheduler;
