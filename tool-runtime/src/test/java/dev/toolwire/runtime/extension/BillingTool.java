package dev.toolwire.runtime.extension;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.Tool;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The billing team's tools: all behind the API-key header, all quick. */
@Tool(auth = AuthMode.HEADER, timeoutSeconds = 5)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BillingTool {}
