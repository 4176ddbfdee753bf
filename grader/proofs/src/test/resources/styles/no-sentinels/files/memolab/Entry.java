// Style "no-sentinels": the list node, a package-private class of its own.
package memolab;

final class Entry<K, V> {
    final K key;
    V value;
    Entry<K, V> older; // toward head, the least recently used; null at head
    Entry<K, V> newer; // toward tail, the most recently used; null at tail

    Entry(K key, V value) {
        this.key = key;
        this.value = value;
    }
}
