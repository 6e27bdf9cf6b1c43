package dev.toolwire.runtime.extension;

import dev.toolwire.annotations.AuthMode;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolContext;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Currency;

@Singleton
@Requires(property = "spec.name", value = "ExtensionPointsTest")
public class BillingTools {

    /**
     * The balance of an account.
     *
     * @param accountId the account
     * @return the balance
     */
    @Tool(auth = AuthMode.JWT)
    public Money accountBalance(String accountId) {
        return new Money(new BigDecimal("1250.50"), Currency.getInstance("AED"));
    }

    /**
     * Who the caller is, as the tool sees it.
     *
     * @param context the call
     * @return the subject
     */
    @BillingTool
    public String billingCaller(ToolContext context) {
        return context.subject().orElse("nobody");
    }
}
