/**
 * Fixtures of {@code ResultNamingTest} ({@code spec.name=ResultNamingTest}): results with camelCase
 * properties, digits, enum constants, explicit names and a type that names itself.
 */
package dev.toolwire.runtime.http.naming;
