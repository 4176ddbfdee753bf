package memolab.grader.shared;

/**
 * A class loader that read the student's class files once, when the run started, and defines
 * them from those bytes only. Another loader that needs fresh copies of the same classes (the
 * timing tests' {@code WithoutAssertions}) takes the bytes from it, not from the folder, which
 * code run since could have rewritten.
 */
public interface ClassSnapshot {

    /**
     * The class file of {@code className} as it was read when the run started.
     *
     * @throws ClassNotFoundException if the submission had no such class then
     */
    byte[] classBytes(String className) throws ClassNotFoundException;
}
