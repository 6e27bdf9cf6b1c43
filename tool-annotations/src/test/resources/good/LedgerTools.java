package fixtures;

import dev.toolwire.annotations.Idempotent;
import dev.toolwire.annotations.Job;
import dev.toolwire.annotations.Tool;
import dev.toolwire.runtime.ToolContext;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.reactivestreams.Publisher;

/** Long-running and retry-safe tools, returning futures and publishers. */
@Singleton
public class LedgerTools {

    /**
     * Exports an account's ledger.
     *
     * @param accountId the account to export
     * @param context the call's context, for progress
     */
    @Tool(async = true, timeoutSeconds = 120)
    @Job(acknowledgeWithinSeconds = 3, retainMinutes = 30, acknowledgeMessage = "I've started the export.")
    public CompletionStage<String> exportLedger(String accountId, ToolContext context) {
        return CompletableFuture.completedFuture(accountId);
    }

    /**
     * Records a payment once, however often it is retried.
     *
     * @param reference the payment reference
     */
    @Tool
    @Idempotent(windowSeconds = 120)
    public Publisher<String> recordPayment(String reference) {
        return null;
    }

    /**
     * Closes the books, answering nothing.
     */
    @Tool
    public CompletableFuture<Void> closeBooks() {
        return CompletableFuture.completedFuture(null);
    }
}
