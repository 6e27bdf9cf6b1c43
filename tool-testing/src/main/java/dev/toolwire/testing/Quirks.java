package dev.toolwire.testing;

import org.jspecify.annotations.Nullable;

/**
 * The scripted hostile behaviours of a fake, all off by default; see the methods of the same names
 * on {@link FakeHamsa}. Written by the test thread, read by the server threads.
 */
final class Quirks {

    volatile boolean listSupersededVersions;
    volatile boolean skipIsOffset;
    volatile boolean omitTotal;
    volatile boolean maskSecrets;
    volatile boolean successFalseOnSuccess;
    volatile boolean omitCreatedAt;
    /** Run before each web-tool list is answered; null for none. */
    volatile @Nullable Runnable beforeList;
    /** The most items a page holds; 0 for no cap. */
    volatile int takeCap;
    /** The prefix every route is served under, e.g. {@code /hamsa}; empty for none. */
    volatile String basePath = "";

    void clear() {
        listSupersededVersions = false;
        skipIsOffset = false;
        omitTotal = false;
        maskSecrets = false;
        successFalseOnSuccess = false;
        omitCreatedAt = false;
        beforeList = null;
        takeCap = 0;
        basePath = "";
    }

    /** The path without the base path, or {@code null} when it is not under the base path. */
    @Nullable String route(String path) {
        String prefix = basePath;
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.equals(prefix)) {
            return "";
        }
        return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : null;
    }

    /** A page size after the cap. */
    int cap(int take) {
        int max = takeCap;
        return max > 0 ? Math.min(take, max) : take;
    }
}
