/** Orders example: where is my order. */
package dev.toolwire.examples.orders;
