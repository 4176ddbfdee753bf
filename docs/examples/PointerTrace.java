import java.util.ArrayList;
import java.util.List;

/**
 * Chapter 3: the pointer work of one get(1), assignment by assignment, on a list with
 * sentinels that holds 1, 2, 3 (least recently used first). After each assignment it prints
 * the field that changed, and the list read from head by next and from tail by prev.
 * Run: java docs/examples/PointerTrace.java
 * With "put", the next call instead: put(4) on the full cache, which evicts key 2.
 * Run: java docs/examples/PointerTrace.java put
 */
public class PointerTrace {

    /** A list node, as in LruCache; the key is its name in the trace. */
    static final class Node {
        final String key;
        Node prev;
        Node next;

        Node(String key) {
            this.key = key;
        }

        @Override
        public String toString() {
            return key;
        }
    }

    static final Node head = new Node("head");
    static final Node tail = new Node("tail");
    static final List<Node> nodes = new ArrayList<>(List.of(head, tail));
    static List<String> before = fields();

    // The same lines as the reference solution's linkLast and unlink, each followed by a trace row.
    static void linkLast(Node node, boolean trace) {
        node.prev = tail.prev;
        step(trace, "linkLast 1", "node.prev = tail.prev;");
        node.next = tail;
        step(trace, "linkLast 2", "node.next = tail;");
        tail.prev.next = node;
        step(trace, "linkLast 3", "tail.prev.next = node;");
        tail.prev = node;
        step(trace, "linkLast 4", "tail.prev = node;");
    }

    static void unlink(Node node, boolean trace) {
        node.prev.next = node.next;
        step(trace, "unlink 1", "node.prev.next = node.next;");
        node.next.prev = node.prev;
        step(trace, "unlink 2", "node.next.prev = node.prev;");
        node.prev = null;
        step(trace, "unlink 3", "node.prev = null;");
        node.next = null;
        step(trace, "unlink 4", "node.next = null;");
    }

    public static void main(String[] args) {
        boolean put = args.length > 0 && args[0].equals("put");
        head.next = tail;
        tail.prev = head;
        Node[] keys = new Node[5];
        for (int key = 1; key <= 3; key++) {
            keys[key] = new Node(String.valueOf(key));
            nodes.add(keys[key]);
            linkLast(keys[key], false); // put(1), put(2), put(3): not traced
        }
        if (put) {
            unlink(keys[1], false); // get(1), as in chapter 2: not traced
            linkLast(keys[1], false);
        }
        before = fields();
        System.out.printf("%-10s  %-28s  %-10s  %-5s  %-5s  %-22s  %s%n", "step", "line run", "field", "from", "to",
                "head to tail by next", "tail to head by prev");
        System.out.printf("%-10s  %-28s  %-10s  %-5s  %-5s  %-22s  %s%n", "start", "", "", "", "", walk(head, true),
                walk(tail, false));
        if (put) {
            // put(4), key 4 new and the cache full: evict head.next (node 2, the least recently used) = unlink it
            // and remove key 2 from the map; then a new node for key 4 goes into the map and linkLast puts it at the back
            unlink(head.next, true);
            keys[4] = new Node("4");
            nodes.add(keys[4]);
            before = fields();
            linkLast(keys[4], true);
        } else {
            // get(1): found through the map, a hit, then moveToBack(node 1) = unlink, then linkLast
            unlink(keys[1], true);
            linkLast(keys[1], true);
        }
    }

    /** One row: the assignment just run, the field it changed, and both walks. */
    static void step(boolean trace, String step, String line) {
        List<String> after = fields();
        if (trace) {
            for (int i = 0; i < after.size(); i++) {
                if (!after.get(i).equals(before.get(i))) {
                    String[] was = before.get(i).split("=");
                    String[] now = after.get(i).split("=");
                    System.out.printf("%-10s  %-28s  %-10s  %-5s  %-5s  %-22s  %s%n", step, line, now[0], was[1], now[1],
                            walk(head, true), walk(tail, false));
                }
            }
        }
        before = after;
    }

    /** Every node's prev and next, as "name.field=target". */
    static List<String> fields() {
        List<String> all = new ArrayList<>();
        for (Node node : nodes) {
            all.add(node.key + ".prev=" + node.prev);
            all.add(node.key + ".next=" + node.next);
        }
        return all;
    }

    /** The names met walking from start by next (or by prev), at most 10 steps. */
    static String walk(Node start, boolean forward) {
        List<String> met = new ArrayList<>();
        for (Node n = start; n != null && met.size() < 10; n = forward ? n.next : n.prev) {
            met.add(n.key);
        }
        return String.join(" ", met);
    }
}
