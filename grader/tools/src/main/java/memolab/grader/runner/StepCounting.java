package memolab.grader.runner;

import java.util.HashSet;
import java.util.Set;
import memolab.grader.shared.WorkMeter;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a call of {@link WorkMeter#tick} to a student's class file at the start of every
 * method (lambdas included: they are methods of the class) and before every jump back to an
 * earlier instruction (the turn of a loop), so that a test can count the steps of student
 * code a call takes. The call takes no argument and leaves nothing on the stack, so the
 * class's stack maps stay valid as they are. ASM, the library JaCoCo and PIT instrument
 * classes with, reads and writes the class file.
 */
public final class StepCounting {

    private static final String METER = WorkMeter.class.getName().replace('.', '/');

    private StepCounting() {
    }

    /** The class file with the calls added. */
    public static byte[] instrument(byte[] classFile) {
        return withCalls(classFile, METER, "tick");
    }

    /**
     * The class file with a call of the static method {@code owner.method()} (no argument, no
     * result) where {@link #instrument} puts {@link WorkMeter#tick}: at the start of every method
     * and before every jump back.
     *
     * @param owner the method's class, as the class file names it ({@code memolab/grader/...})
     */
    public static byte[] withCalls(byte[] classFile, String owner, String method) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                return visitor == null || (access & Opcodes.ACC_ABSTRACT) != 0 ? visitor : new Ticks(visitor, owner, method);
            }
        }, 0);
        return writer.toByteArray();
    }

    /** A call at the method's start, and before each backward jump. */
    private static final class Ticks extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>(); // labels already passed: a jump to one goes back
        private final String owner;
        private final String method;

        Ticks(MethodVisitor next, String owner, String method) {
            super(Opcodes.ASM9, next);
            this.owner = owner;
            this.method = method;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            tick();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                tick();
            }
            super.visitJumpInsn(opcode, label);
        }

        private void tick() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, "()V", false);
        }
    }
}
