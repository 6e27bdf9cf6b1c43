package dev.toolwire.runtime.store;

import io.micronaut.core.annotation.Internal;
import io.micronaut.core.util.clhm.ConcurrentLinkedHashMap;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * A bounded map whose entries each end at their own instant: past its capacity the entry used least
 * recently is forgotten, and an ended entry reads as absent. Backed by Micronaut's own concurrent
 * LRU map, so readers and writers of different keys do not wait on one lock. It remembers what
 * may be forgotten without harm (verified tokens, refused-credential and call counts); what must
 * not be (retry memory, jobs) is bounded by per-caller quotas instead.
 *
 * @param <K> the key type
 * @param <V> the value type, immutable
 */
@Internal
public final class ExpiringMap<K, V> {

    private record Entry<V>(V value, long endsAtMillis) {
        boolean live(long nowMillis) {
            return nowMillis < endsAtMillis;
        }
    }

    private final ConcurrentLinkedHashMap<K, Entry<V>> entries;

    /**
     * Creates the map.
     *
     * @param capacity how many entries it holds at most (at least one)
     */
    public ExpiringMap(int capacity) {
        this.entries = new ConcurrentLinkedHashMap.Builder<K, Entry<V>>()
                .maximumWeightedCapacity(Math.max(1, capacity))
                .build();
    }

    /**
     * The value of a key, unless absent or ended.
     *
     * @param key the key
     * @param nowMillis the current time, epoch milliseconds
     * @return the value, or {@code null}
     */
    public @Nullable V get(K key, long nowMillis) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.live(nowMillis)) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers a value until an instant; one that has already ended is not kept.
     *
     * @param key the key
     * @param value the value
     * @param nowMillis the current time, epoch milliseconds
     * @param endsAtMillis when it ends, epoch milliseconds
     */
    public void put(K key, V value, long nowMillis, long endsAtMillis) {
        if (nowMillis < endsAtMillis) {
            entries.put(key, new Entry<>(value, endsAtMillis));
        }
    }

    /**
     * Changes a key's value atomically: the change sees the live value, or {@code null} when there is
     * none, in which case the new value ends at {@code endsAtMillis}; a live value keeps its end.
     *
     * @param key the key
     * @param nowMillis the current time, epoch milliseconds
     * @param endsAtMillis when a new value ends, epoch milliseconds
     * @param change the change
     * @return the new value
     */
    public V update(K key, long nowMillis, long endsAtMillis, UnaryOperator<@Nullable V> change) {
        while (true) {
            Entry<V> current = entries.get(key);
            boolean live = current != null && current.live(nowMillis);
            Entry<V> next = live
                    ? new Entry<>(change.apply(current.value()), current.endsAtMillis())
                    : new Entry<>(change.apply(null), endsAtMillis);
            boolean stored = current == null ? entries.putIfAbsent(key, next) == null : entries.replace(key, current, next);
            if (stored) {
                return next.value();
            }
        }
    }

    /**
     * Forgets a key.
     *
     * @param key the key
     * @return the value it had, live or ended, or {@code null}
     */
    public @Nullable V remove(K key) {
        Entry<V> entry = entries.remove(key);
        return entry == null ? null : entry.value();
    }

    /**
     * How many entries are held, ended ones not yet dropped included.
     *
     * @return the count
     */
    public int size() {
        return entries.size();
    }
}
