/** CRM example: identify the caller and manage contact preferences. */
package dev.toolwire.examples.crm;
