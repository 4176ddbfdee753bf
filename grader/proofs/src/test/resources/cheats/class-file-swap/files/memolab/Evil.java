package memolab;

/** The version the rules scan: harmless. */
final class Evil {
    static void go(String out) {
    }
}
