/** Helpdesk example: open support tickets with a promised response time. */
package dev.toolwire.examples.tickets;
