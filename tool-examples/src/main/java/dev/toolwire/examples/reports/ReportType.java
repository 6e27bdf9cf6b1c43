package dev.toolwire.examples.reports;

/** What an account report contains. */
public enum ReportType {
    /** Balance and totals only. */
    SUMMARY,
    /** Totals and every transaction, with running balance. */
    DETAILED,
    /** The list of transactions only. */
    TRANSACTIONS
}
