package memolab;

/** A helper with a finalizer: its code would run on the JVM's finalizer thread, outside any test. */
final class Finalized {
    @SuppressWarnings({"deprecation", "removal"})
    @Override
    protected void finalize() {
        System.out.println("finalized");
    }
}
