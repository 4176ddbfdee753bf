package memolab.grader.rules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Timer;
import java.util.function.Predicate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import java.util.jar.JarFile;

/**
 * The rules of the exercise, as ArchUnit rules over the student's compiled classes (package
 * {@code memolab}). The graded suite checks them for points in every run; final grading also
 * checks the {@link #SAFETY safety rules} in the grader's own JVM before any student code
 * runs, and refuses a submission that breaks one.
 *
 * <p>Each rule is a named constant whose name is the rule as a sentence, and its
 * {@code because} gives the reason and the fix.
 */
public final class ExerciseRules {

    /** The package of the student's classes; nothing else of a submission is the student's. */
    public static final String STUDENT_PACKAGE = "memolab";

    // ---- The shortcut: guards the LRU categories (see memolab.grader.Guard.LRU_BUILT_BY_HAND).

    public static final ArchRule student_code_should_not_use_LinkedHashMap_or_LinkedHashSet = noClasses()
            .should().dependOnClassesThat().areAssignableTo(LinkedHashMap.class)
            .orShould().dependOnClassesThat().areAssignableTo(LinkedHashSet.class)
            .because("this exercise is about building the recency list yourself: LinkedHashMap (in access order, "
                    + "with removeEldestEntry) would do the whole job. Keep recency with nodes of your own class, "
                    + "linked to each other, and a HashMap from keys to nodes");

    // ---- Safety: final grading refuses code that breaks any of these, before running it.

    public static final ArchRule student_code_should_use_only_the_JDKs_java_classes = noClasses()
            .should().dependOnClassesThat(describe("are outside java.* and memolab",
                    (JavaClass c) -> !c.isPrimitive() && !c.isArray()
                            && !c.getPackageName().startsWith("java.") && !c.getPackageName().equals(STUDENT_PACKAGE)))
            .because("a cache library (Caffeine, Guava, Commons Collections ...) would do the work this exercise asks "
                    + "of you, and the JDK's internal classes (sun.*, jdk.*, com.sun.*, javax.*) are not for code under "
                    + "test; use only the classes of the java.* packages. Classes of your own go in package memolab "
                    + "itself (beside LruCache.java), not in a package under it (memolab.util): the grader reads package "
                    + "memolab only");

    /**
     * The packages a student's own tests may use besides java.* and memolab: JUnit 5, AssertJ's
     * assertions (not its utilities, configuration or extractors, which read files and fields by
     * name) and the kit's property checker. AssertJ's {@code Tuple} is allowed on its own.
     */
    public static final List<String> TEST_LIBRARIES = List.of("org.junit.jupiter.api", "org.junit.jupiter.params",
            "org.assertj.core.api", "org.assertj.core.data", "org.assertj.core.condition", "org.assertj.core.description",
            "org.assertj.core.presentation", "org.opentest4j", "memolab.grader.property");

    /** Classes a student's tests may use outside {@link #TEST_LIBRARIES}' packages. */
    private static final List<String> TEST_LIBRARY_CLASSES = List.of("org.assertj.core.groups.Tuple");

    /**
     * Classes of {@link #TEST_LIBRARIES}' packages a student's tests may not use: they read or
     * make files, read the JVM's properties, or hand a test files and streams to read.
     */
    private static final List<String> TEST_LIBRARY_FILE_CLASSES = List.of("org.junit.jupiter.params.provider.CsvFileSource",
            "org.junit.jupiter.api.io.TempDir", "org.assertj.core.api.InstanceOfAssertFactories",
            "org.assertj.core.api.AbstractFileAssert", "org.assertj.core.api.AbstractPathAssert",
            "org.assertj.core.api.AbstractInputStreamAssert", "org.assertj.core.api.AbstractUrlAssert",
            "org.assertj.core.api.AbstractUriAssert", "org.assertj.core.api.FileAssert", "org.assertj.core.api.PathAssert",
            "org.assertj.core.api.InputStreamAssert", "org.assertj.core.api.UrlAssert", "org.assertj.core.api.UriAssert");

    /**
     * JUnit's packages a student's tests may not use: its converters make any class from a
     * name (a FileInputStream from a path), and extensions reach JUnit's own machinery; a test
     * of a cache needs neither.
     */
    private static final List<String> TEST_LIBRARY_CLOSED_PACKAGES = List.of("org.junit.jupiter.params.converter",
            "org.junit.jupiter.params.support", "org.junit.jupiter.api.extension", "org.junit.jupiter.api.io");

    /** JUnit's annotations whose strings name a method or field, which may then be in any class ("java.io.File#listRoots"). */
    private static final List<String> NAMING_ANNOTATIONS = List.of("org.junit.jupiter.params.provider.MethodSource",
            "org.junit.jupiter.params.provider.FieldSource", "org.junit.jupiter.api.condition.EnabledIf",
            "org.junit.jupiter.api.condition.DisabledIf");

    /**
     * What a parameterized test's parameter may be: JUnit converts a string to any class with a
     * constructor or factory of one string (a {@code Class} loads a class by name, a
     * {@code PrintStream} opens a file), so only types a test of a cache needs.
     */
    private static final java.util.regex.Pattern PARAMETER_TYPES = java.util.regex.Pattern.compile(
            "boolean|byte|char|short|int|long|float|double|java\\.lang\\.(Boolean|Byte|Character|Short|Integer|Long|Float"
                    + "|Double|String|CharSequence|Object|Number|Runnable)|java\\.math\\.(BigInteger|BigDecimal)"
                    + "|java\\.lang\\.(Iterable|Comparable)|java\\.util\\.(List|Set|Map|Map\\$Entry|Collection|Optional|Deque|Queue"
                    + "|Iterator|Random)|java\\.util\\.function\\..*"
                    + "|memolab\\.[A-Za-z0-9_$]+|org\\.junit\\.jupiter\\.(api\\.(TestInfo|TestReporter|RepetitionInfo)"
                    + "|params\\.aggregator\\.ArgumentsAccessor)");

    public static final ArchRule student_tests_should_take_their_cases_from_their_own_code = noClasses()
            .should(new ArchCondition<>("name methods of other classes or take parameters JUnit would make from a name") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    if (item.isAnnotation()) {
                        events.add(SimpleConditionEvent.satisfied(item, item.getDescription() + " declares an annotation"));
                    }
                    for (com.tngtech.archunit.core.domain.JavaMethod method : item.getMethods()) {
                        java.util.stream.Stream.concat(method.getAnnotations().stream(), item.getAnnotations().stream())
                                .filter(a -> NAMING_ANNOTATIONS.contains(a.getRawType().getName()))
                                .flatMap(a -> java.util.stream.Stream.of(a.get("value").orElse(new String[0])))
                                .flatMap(v -> v instanceof String[] values ? java.util.Arrays.stream(values)
                                        : java.util.stream.Stream.of(String.valueOf(v)))
                                .filter(v -> v.contains("#") || v.contains("."))
                                .forEach(v -> events.add(SimpleConditionEvent.satisfied(method, method.getDescription()
                                        + " names \"" + v + "\", a member of another class")));
                        if (!method.getAnnotations().isEmpty()) { // a test of any kind: its parameters JUnit supplies
                            method.getRawParameterTypes().stream()
                                    .map(t -> t.isArray() ? t.getBaseComponentType() : t)
                                    .filter(t -> !t.isEnum() && !PARAMETER_TYPES.matcher(t.getName()).matches())
                                    .forEach(t -> events.add(SimpleConditionEvent.satisfied(method, method.getDescription()
                                            + " takes a parameter of type " + t.getName())));
                        }
                    }
                }
            })
            .orShould(callOrRefer("ExtensionContext.getConfigurationParameter", call ->
                    call.getTargetOwner().getName().startsWith("org.junit.jupiter.api.extension.ExtensionContext")
                            && call.getName().startsWith("getConfigurationParameter")))
            .because("a test's cases come from the test itself, and its annotations are JUnit's (@ValueSource, @CsvSource, @MethodSource of a method of "
                    + "the same class) as numbers, strings, lists or your own types: JUnit turns a name into a class, a "
                    + "file or a method of any class, and reads the JVM's properties, which would reach past the cache");

    public static final ArchRule student_tests_should_use_only_the_JDK_and_the_test_libraries = noClasses()
            .should().dependOnClassesThat(describe("are outside java.*, memolab and the test libraries",
                    (JavaClass c) -> !c.isPrimitive() && !c.isArray()
                            && !c.getPackageName().startsWith("java.") && !c.getPackageName().equals(STUDENT_PACKAGE)
                            && TEST_LIBRARIES.stream().noneMatch(p -> c.getPackageName().equals(p)
                                    || c.getPackageName().startsWith(p + "."))
                            && !TEST_LIBRARY_CLASSES.contains(c.getName())
                            || TEST_LIBRARY_FILE_CLASSES.contains(c.getName())
                            || TEST_LIBRARY_CLOSED_PACKAGES.stream().anyMatch(p -> c.getPackageName().equals(p)
                                    || c.getPackageName().startsWith(p + "."))))
            .because("your tests run on other caches than yours, in final grading's own JVM: they may use the java.* "
                    + "classes, the exercise's API, JUnit 5 (org.junit.jupiter.api and .params, but not JUnit's extensions: "
                    + "no @ExtendWith, so not AssertJ's SoftAssertionsExtension either; SoftAssertions.assertSoftly does the "
                    + "same within a test), AssertJ's assertions "
                    + "(org.assertj.core.api, .data, .condition, .description, .presentation, and Tuple) and the kit's "
                    + "property checker (memolab.grader.property), nothing else, and nothing of theirs that reads files "
                    + "(@CsvFileSource, @TempDir): write the cases in the test, with @CsvSource or @MethodSource");

    /** AssertJ's methods that reach fields, getters or files by name, whatever their arguments. */
    private static final java.util.regex.Pattern BY_NAME = java.util.regex.Pattern.compile(
            "extractingResultOf|extractProperty|filteredOnNull|.*Fields?OrPropert.*|.*FieldByField.*|.*Recursive.*"
                    + "|.*GivenFields.*|.*NullFields.*|.*OnFields.*|.*IgnoringFields.*|.*ElementFields.*|.*ForFields.*"
                    + "|has.*Fields|has.*Methods|hasRecordComponents|contentOf|linesOf|set(Allow|Extract).*");

    /** AssertJ's methods that read fields or getters by name when given a name ({@code extracting("map")}). */
    private static final java.util.regex.Pattern BY_NAME_WITH_A_STRING = java.util.regex.Pattern.compile(
            "extracting|flatExtracting|filteredOn|extractingFromEntries");

    public static final ArchRule student_tests_should_not_read_fields_or_files_by_name = noClasses()
            .should(callOrRefer("AssertJ's assertions by field or property name", access -> {
                JavaClass owner = access.getTargetOwner();
                if (!owner.getPackageName().startsWith("org.assertj.")) {
                    return false;
                }
                String name = access.getName();
                return BY_NAME.matcher(name).matches() || BY_NAME_WITH_A_STRING.matcher(name).matches()
                        && access.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(String.class)
                                || t.isEquivalentTo(String[].class));
            }))
            .because("a test of the contract calls the cache's methods and checks what they return; reading its fields "
                    + "or getters by name (extracting(\"map\"), usingRecursiveComparison, hasFieldOrProperty, ...) tests "
                    + "how one cache is written, not what every correct cache does, and reaches past the cache; extract "
                    + "with a method reference instead: extracting(CacheStats::hits)");

    /**
     * AssertJ's settings of the whole JVM ({@code Assertions.registerFormatterForType},
     * {@code setMaxElementsForPrinting}, {@code useRepresentation}, ...) and of its date
     * assertions ({@code withDateFormat}, which a test class's constructor keeps on the JVM's
     * main thread).
     */
    private static final java.util.regex.Pattern LIBRARY_SETTING = java.util.regex.Pattern.compile(
            "(set|use|register|remove)[A-Z].*|withDateFormat|withDefaultDateFormatsOnly");

    public static final ArchRule student_tests_should_keep_nothing_between_caches = noClasses()
            .should(callOrRefer("a setting or store that outlives the cache under test (AssertJ's settings, interned "
                    + "strings, the default Locale or TimeZone)", access -> {
                JavaClass owner = access.getTargetOwner();
                String name = access.getName();
                return LIBRARY_SETTING.matcher(name).matches() && declaredInAssertJ(owner, name)
                        || owner.isEquivalentTo(String.class) && name.equals("intern")
                        || (owner.isAssignableTo(java.util.Locale.class) || owner.isAssignableTo(java.util.TimeZone.class))
                                && name.equals("setDefault");
            }))
            .orShould(callOrRefer("the JVM's shared random numbers (Math.random, ThreadLocalRandom, a Random or "
                    + "SplittableRandom without a seed, Collections.shuffle without one, java.util.random's factories)", access -> {
                JavaClass owner = access.getTargetOwner();
                String name = access.getName();
                int parameters = access.getTarget().getRawParameterTypes().size();
                return (owner.isEquivalentTo(Math.class) || owner.isEquivalentTo(StrictMath.class)) && name.equals("random")
                        || owner.isAssignableTo(java.util.concurrent.ThreadLocalRandom.class)
                        || (owner.isEquivalentTo(java.util.Random.class) || owner.isEquivalentTo(java.util.SplittableRandom.class))
                                && name.equals(JavaConstructor.CONSTRUCTOR_NAME) && parameters == 0
                        || owner.isEquivalentTo(java.util.Collections.class) && name.equals("shuffle") && parameters == 1
                        || owner.getPackageName().equals("java.util.random") && (owner.getSimpleName().equals("RandomGeneratorFactory")
                                || access.getTarget().resolveMember().map(m -> m.getModifiers()
                                        .contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)).orElse(true));
            }))
            .orShould().dependOnClassesThat().areAssignableTo(java.time.zone.ZoneRulesProvider.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.ObjectInputFilter.Config.class)
            .orShould(setAFieldOfAClassNotTheirs())
            .because("final grading runs your tests on one cache after another in one JVM, and a correct cache may run "
                    + "after any bug: a test must find the JVM as the one before it did. What it keeps in AssertJ's "
                    + "settings, interned strings, the JVM's defaults, its shared random numbers or a library's fields "
                    + "outlives the cache it ran on, where a test could learn how the other caches behaved instead of "
                    + "stating what a cache must do. Keep your data in your test's own fields and objects, draw random "
                    + "numbers from a generator of your own with a seed (new Random(42), which also makes a failure come "
                    + "back the same way), and set what an assertion needs on the assertion itself "
                    + "(assertThat(x).withRepresentation(...), .as(...))");

    /** Final grading's limit for each of a student's own tests, on each cache, in seconds. */
    public static final int TEST_SECONDS = 3;

    public static final ArchRule student_tests_should_not_outlast_final_gradings_limit = noClasses()
            .should(setATimeLimitOver(TEST_SECONDS))
            .because("final grading gives every test " + TEST_SECONDS + " s on each cache, and a @Timeout may only "
                    + "shorten that: a test of a cache needs far less");

    public static final ArchRule student_code_should_not_end_the_JVM = noClasses()
            .should(callOrRefer("System.exit", access -> access.getTargetOwner().isEquivalentTo(System.class)
                    && access.getName().equals("exit")))
            .orShould().dependOnClassesThat().areAssignableTo(Runtime.class)
            .because("System.exit and Runtime end the whole Java process, the tests with it, so no result is "
                    + "reported; to signal an error, throw an exception");

    public static final ArchRule student_code_should_not_use_reflection_or_inspect_the_stack = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.lang.reflect..", "java.lang.invoke..",
                    "java.lang.instrument..", "java.lang.management..")
            .orShould().dependOnClassesThat().areAssignableTo(ClassLoader.class)
            .orShould().dependOnClassesThat().areAssignableTo(Module.class)
            .orShould().dependOnClassesThat().areAssignableTo(ModuleLayer.class)
            .orShould().dependOnClassesThat().areAssignableTo(StackWalker.class)
            .orShould().dependOnClassesThat().areAssignableTo(StackTraceElement.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.ResourceBundle.class)
            .orShould(callOrRefer("reflection on java.lang.Class", call ->
                    call.getTargetOwner().isEquivalentTo(Class.class) && call.getName().matches(
                            "forName|newInstance|getDeclared.*|getMethods?|getFields?|getConstructors?|getRecordComponents"
                                    + "|getClassLoader|getResource.*|getModule|getProtectionDomain|getEnclosing.*|getNest.*|isNestmateOf"
                                    + "|getPackage|getSigners")))
            .orShould(callOrRefer("a look at the call stack", call ->
                    call.getTargetOwner().isAssignableTo(Throwable.class) && (call.getName().equals("getStackTrace")
                            || call.getName().equals("setStackTrace")
                            || call.getName().equals("printStackTrace") && !call.getTarget().getRawParameterTypes().isEmpty())))
            .because("a cache needs no reflection, and code under test must not look into or change other classes, load "
                    + "classes by name (Class.forName, ResourceBundle), nor look at who calls it; call your own methods "
                    + "directly");

    public static final ArchRule student_code_should_not_start_threads = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Thread.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadGroup.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
            .orShould().dependOnClassesThat().areAssignableTo(Executors.class)
            .orShould().dependOnClassesThat().areAssignableTo(ThreadFactory.class)
            .orShould().dependOnClassesThat().areAssignableTo(ForkJoinTask.class)
            .orShould().dependOnClassesThat().areAssignableTo(CompletableFuture.class)
            .orShould().dependOnClassesThat().areAssignableTo(Timer.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.lang.ref.Cleaner.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.SubmissionPublisher.class)
            .orShould().dependOnClassesThat().resideInAPackage("java.util.concurrent.locks")
            .orShould(callOrRefer("a parallel stream or sort", call ->
                    call.getName().startsWith("parallel") && call.getTargetOwner().getPackageName().startsWith("java.util")))
            .because("LruCache is single-threaded, like HashMap, and a thread left running outlives the test; "
                    + "nothing in the exercise needs the class Thread, not even Thread.sleep (a cache never waits), "
                    + "nor java.util.concurrent.locks (a cache shared between threads, beyond this exercise, needs "
                    + "only synchronized methods); "
                    + "to recurse deeper, see the lesson's note on recursion depth instead of a big-stack thread");

    public static final ArchRule student_code_should_not_touch_files_processes_or_the_network = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.nio.channels..", "java.net..",
                    "java.util.logging..", "java.util.prefs..", "java.util.jar..", "java.util.zip..", "java.util.spi..",
                    "java.rmi..", "java.awt..", "java.beans..", "java.sql..", "java.security..", "java.lang.ref..")
            .orShould(callOrRefer("a constructor that opens a file by name", call ->
                    call.getName().equals(JavaConstructor.CONSTRUCTOR_NAME)
                            && call.getTargetOwner().getPackageName().startsWith("java.")
                            && !call.getTarget().getRawParameterTypes().isEmpty()
                            && (call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
                                    && call.getTargetOwner().getName().matches(
                                            "java\\.io\\.Print(Stream|Writer)|java\\.util\\.(Formatter|Scanner)")
                                    || call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(File.class))))
            .orShould().dependOnClassesThat().areAssignableTo(java.io.ObjectInputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.ObjectOutputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(File.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileDescriptor.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileInputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileOutputStream.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileReader.class)
            .orShould().dependOnClassesThat().areAssignableTo(FileWriter.class)
            .orShould().dependOnClassesThat().areAssignableTo(RandomAccessFile.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.io.Console.class)
            .orShould().dependOnClassesThat().areAssignableTo(ProcessBuilder.class)
            .orShould().dependOnClassesThat().areAssignableTo(Process.class)
            .orShould().dependOnClassesThat().areAssignableTo(ProcessHandle.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.ServiceLoader.class)
            .because("a cache keeps everything in memory; code under test must have no side effects outside it");

    public static final ArchRule student_code_should_not_change_System = noClasses()
            .should(callOrRefer("a use of System's streams, properties, environment or security",
                    call -> call.getTargetOwner().isEquivalentTo(System.class) && call.getName().matches(
                            "setOut|setErr|setIn|setProperty|setProperties|clearProperty|getProperties|getProperty|getenv"
                                    + "|setSecurityManager|load|loadLibrary|mapLibraryName|console|inheritedChannel|getLogger")))
            .orShould().accessField(System.class, "in")
            .orShould(declareAFinalizer())
            .because("System's streams, properties and environment belong to the program that runs your code (here "
                    + "the tests, which read them), and a finalizer runs on a thread of its own; print with "
                    + "System.out.println if you must, and change or read nothing else of System");

    /**
     * Calls of the code units {@code forbidden} matches, and method or constructor references to
     * them ({@code Class::forName}, {@code PrintStream::new}): a reference runs the same code as a
     * call, and ArchUnit's call conditions see only calls.
     */
    private static ArchCondition<JavaClass> callOrRefer(String what, Predicate<JavaCodeUnitAccess<?>> forbidden) {
        return new ArchCondition<>("call or refer to " + what) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getCodeUnitAccessesFromSelf().stream().filter(forbidden)
                        .sorted(Comparator.comparing(JavaCodeUnitAccess::getDescription))
                        .forEach(access -> events.add(SimpleConditionEvent.satisfied(access, access.getDescription())));
            }
        };
    }

    /** A {@code @Timeout} (on a class or a method) longer than {@code seconds}. */
    private static ArchCondition<JavaClass> setATimeLimitOver(int seconds) {
        return new ArchCondition<>("set a @Timeout over " + seconds + " s") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                java.util.stream.Stream.concat(
                        item.getAnnotations().stream().map(a -> java.util.Map.entry(item.getDescription(), a)),
                        item.getMethods().stream().flatMap(m -> m.getAnnotations().stream()
                                .map(a -> java.util.Map.entry(m.getDescription(), a))))
                        .filter(e -> e.getValue().getRawType().getName().equals("org.junit.jupiter.api.Timeout"))
                        .filter(e -> nanos(e.getValue()) > java.util.concurrent.TimeUnit.SECONDS.toNanos(seconds))
                        .forEach(e -> events.add(SimpleConditionEvent.satisfied(item, e.getKey() + " is annotated with "
                                + "@Timeout(" + e.getValue().get("value").orElse("?") + ", " + unit(e.getValue()) + ")")));
            }
        };
    }

    /** A {@code @Timeout}'s limit in nanoseconds. */
    private static long nanos(com.tngtech.archunit.core.domain.JavaAnnotation<?> timeout) {
        long value = timeout.get("value").map(v -> ((Number) v).longValue()).orElse(0L);
        return java.util.concurrent.TimeUnit.valueOf(unit(timeout)).toNanos(value);
    }

    private static String unit(com.tngtech.archunit.core.domain.JavaAnnotation<?> timeout) {
        return timeout.get("unit").map(u -> u instanceof com.tngtech.archunit.core.domain.JavaEnumConstant constant
                ? constant.name() : u.toString()).orElse("SECONDS");
    }

    /**
     * Whether the method {@code name} that a call names on {@code owner} is AssertJ's: the first of
     * {@code owner} and the classes and interfaces above it that declares a method of that name is
     * in {@code org.assertj}, or none declares one and one of them is (an entry point left unread,
     * {@link EntryPointsUnread}, shows no methods). A subclass of the test's own names AssertJ's
     * static methods as its own; a helper of the test's own of the same kind of name
     * ({@code setUpFullCache} in a class that implements {@code WithAssertions}) is not AssertJ's.
     */
    private static boolean declaredInAssertJ(JavaClass owner, String name) {
        List<JavaClass> types = java.util.stream.Stream.of(java.util.stream.Stream.of(owner),
                owner.getAllRawSuperclasses().stream(), owner.getAllRawInterfaces().stream()).flatMap(s -> s).toList();
        for (JavaClass type : types) {
            if (type.getCodeUnits().stream().anyMatch(unit -> unit.getName().equals(name))) {
                return type.getPackageName().startsWith("org.assertj.");
            }
        }
        return types.stream().anyMatch(type -> type.getPackageName().startsWith("org.assertj."));
    }

    /** A write to a field of a class outside package {@code memolab} (a library's setting, {@code AbstractAssert}'s flag). */
    private static ArchCondition<JavaClass> setAFieldOfAClassNotTheirs() {
        return new ArchCondition<>("set a field of a class not theirs") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getFieldAccessesFromSelf().stream()
                        .filter(access -> access.getAccessType() == com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.SET
                                && !(isStudentClass(access.getTargetOwner().getName())
                                        && access.getTargetOwner().tryGetField(access.getName()).isPresent()))
                        .sorted(Comparator.comparing(com.tngtech.archunit.core.domain.JavaFieldAccess::getDescription))
                        .forEach(access -> events.add(SimpleConditionEvent.satisfied(access, access.getDescription())));
            }
        };
    }

    /** A class that overrides {@code Object.finalize}: its code would run on the JVM's finalizer thread. */
    private static ArchCondition<JavaClass> declareAFinalizer() {
        return new ArchCondition<>("declare a finalizer") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getMethods().stream()
                        .filter(m -> m.getName().equals("finalize") && m.getRawParameterTypes().isEmpty())
                        .forEach(m -> events.add(SimpleConditionEvent.satisfied(m, m.getDescription()
                                + " overrides Object.finalize in " + m.getSourceCodeLocation())));
            }
        };
    }

    /** How many violations of a rule a report lists; the rest are counted. */
    private static final int LISTED = 5;

    /** A rule with its place in the rubric: a few words for reports, and the rule itself. */
    public record Rule(String name, String title, ArchRule rule) {

        /** Checks the rule on {@code classes}; each violation as ArchUnit words it, with the class and line. */
        public List<String> violations(JavaClasses classes) {
            EvaluationResult result = rule.evaluate(classes);
            return result.hasViolation() ? result.getFailureReport().getDetails() : List.of();
        }

        /**
         * Violations as a report lists them: the first few, each on a line of its own starting
         * with {@code indent}, then how many more there are.
         */
        public static String listed(List<String> where, String indent) {
            StringBuilder text = new StringBuilder();
            where.stream().limit(LISTED).forEach(w -> text.append('\n').append(indent).append(w));
            if (where.size() > LISTED) {
                text.append('\n').append(indent).append("... and ").append(where.size() - LISTED).append(" more");
            }
            return text.toString();
        }

        /** The rule's reason and fix, from its {@code because}. */
        public String because() {
            String description = rule.getDescription();
            int because = description.indexOf(", because ");
            return because < 0 ? description : description.substring(because + ", because ".length());
        }
    }

    /** The shortcut rule, which guards the LRU categories. */
    public static final Rule SHORTCUT = new Rule("student_code_should_not_use_LinkedHashMap_or_LinkedHashSet",
            "no LinkedHashMap or LinkedHashSet", student_code_should_not_use_LinkedHashMap_or_LinkedHashSet);

    /** The safety rules: final grading runs no code that breaks one of these. */
    public static final List<Rule> SAFETY = List.of(
            new Rule("student_code_should_not_end_the_JVM", "no System.exit and no Runtime", student_code_should_not_end_the_JVM),
            new Rule("student_code_should_not_use_reflection_or_inspect_the_stack", "no reflection",
                    student_code_should_not_use_reflection_or_inspect_the_stack),
            new Rule("student_code_should_not_start_threads", "no threads", student_code_should_not_start_threads),
            new Rule("student_code_should_not_touch_files_processes_or_the_network", "no files, processes or network",
                    student_code_should_not_touch_files_processes_or_the_network),
            new Rule("student_code_should_not_change_System", "no use of System beyond printing and the clock",
                    student_code_should_not_change_System),
            new Rule("student_code_should_use_only_the_JDKs_java_classes", "only the JDK's java.* classes",
                    student_code_should_use_only_the_JDKs_java_classes));

    /**
     * The safety rules a student's own tests must keep ("Your tests", final grading): those of
     * the student's code, with JUnit 5, AssertJ and the property checker allowed beside java.*.
     */
    public static final List<Rule> TEST_SAFETY = java.util.stream.Stream.concat(
            SAFETY.stream().filter(rule -> !rule.name().equals("student_code_should_use_only_the_JDKs_java_classes")),
            java.util.stream.Stream.of(new Rule("student_tests_should_use_only_the_JDK_and_the_test_libraries",
                    "only java.*, JUnit 5, AssertJ's assertions and the property checker",
                    student_tests_should_use_only_the_JDK_and_the_test_libraries),
                    new Rule("student_tests_should_not_read_fields_or_files_by_name", "no fields or getters read by name",
                            student_tests_should_not_read_fields_or_files_by_name),
                    new Rule("student_tests_should_take_their_cases_from_their_own_code", "cases from the test itself",
                            student_tests_should_take_their_cases_from_their_own_code),
                    new Rule("student_tests_should_keep_nothing_between_caches", "nothing kept between caches",
                            student_tests_should_keep_nothing_between_caches),
                    new Rule("student_tests_should_not_outlast_final_gradings_limit", "no @Timeout over " + TEST_SECONDS + " s",
                            student_tests_should_not_outlast_final_gradings_limit))).toList();

    private ExerciseRules() {
    }

    /** The exercise's classes a student's tests compile against: the API, and the given files. */
    public static final java.util.Set<String> API_CLASSES = java.util.Set.of("LruCache", "Fibonacci", "CacheStats",
            "NaiveFibonacci");

    /**
     * The public members of the stubs of {@code LruCache} and {@code Fibonacci}, by class, each as
     * {@code name(parameter types)}: the API that final grading compiles a student's tests
     * against (the given files are whole), so a test that uses another member of these classes
     * does not compile there. ReferenceAndStubsTest holds it to the stubs.
     */
    public static final java.util.Map<String, java.util.Set<String>> API_MEMBERS = java.util.Map.of(
            "memolab.LruCache", java.util.Set.of("<init>(int)", "get(java.lang.Object)", "put(java.lang.Object, java.lang.Object)",
                    "computeIfAbsent(java.lang.Object, java.util.function.Function)", "containsKey(java.lang.Object)",
                    "remove(java.lang.Object)", "size()", "capacity()", "keys()", "stats()", "clear()"),
            "memolab.Fibonacci", java.util.Set.of("<init>(int)", "naive(int)", "fib(int)", "cacheInfo()", "cacheClear()"));

    /**
     * The member an access reaches, as {@link #API_MEMBERS} names members: {@code name(parameter
     * types)} for a method or constructor, the bare name for a field.
     */
    public static String memberName(com.tngtech.archunit.core.domain.JavaAccess<?> access) {
        return access.getName() + (access.getTarget() instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget unit
                ? unit.getRawParameterTypes().stream().map(JavaClass::getName).collect(java.util.stream.Collectors.joining(", ", "(", ")"))
                : "");
    }

    /** Object's public methods, as {@link #API_MEMBERS} names members: every class has them. */
    public static final java.util.Set<String> OBJECT_MEMBERS = java.util.Set.of("toString()", "hashCode()",
            "equals(java.lang.Object)", "getClass()", "notify()", "notifyAll()", "wait()", "wait(long)", "wait(long, int)");

    /** The student's classes that are not the cache: the memo, and the given files. */
    private static final java.util.Set<String> NOT_THE_CACHE = java.util.Set.of("Fibonacci", "CacheStats", "NaiveFibonacci");

    /**
     * Whether a class of package {@code memolab}, by its simple name (a nested one as
     * {@code LruCache$Node} or {@code LruCache.Node}), is part of the student's cache: every
     * class but {@code Fibonacci} and the given files, with their nested classes. A cache whose
     * work is done by a helper class of its own ({@code Node}, {@code LruCore}) is measured there
     * too; "Your tests" counts the branches of these classes, in final grading and in the
     * student's own run.
     */
    public static boolean isCacheClass(String simpleName) {
        return !NOT_THE_CACHE.contains(simpleName.split("[.$]", 2)[0]);
    }

    /** Whether a class (nested ones included) is of package {@code memolab} itself, not a sub-package. */
    public static boolean isStudentClass(String className) {
        return className.startsWith(STUDENT_PACKAGE + ".") && className.indexOf('.', STUDENT_PACKAGE.length() + 1) < 0;
    }

    /**
     * The student's classes (package {@code memolab} itself) in {@code location}, a class folder
     * or a jar; the rules scan these and nothing else, even where the same place holds more.
     */
    public static JavaClasses importStudentClasses(Path location) {
        return importStudentClasses(location, true);
    }

    /**
     * {@link #importStudentClasses(Path)}, with the test libraries' entry points left unread
     * ({@link EntryPointsUnread}: faster, the same verdicts) or read as ArchUnit would.
     */
    static JavaClasses importStudentClasses(Path location, boolean entryPointsUnread) {
        JavaClasses imported = com.tngtech.archunit.ArchConfiguration.withThreadLocalScope(configuration -> {
            if (entryPointsUnread) {
                configuration.setClassResolver(EntryPointsUnread.class);
                configuration.setClassResolverArguments();
            }
            ClassFileImporter importer = new ClassFileImporter();
            if (Files.isDirectory(location)) {
                return importer.importPath(location);
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return importer.importJar(jar);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + location, e);
            }
        });
        return imported.that(JavaClass.Predicates.resideInAPackage(STUDENT_PACKAGE));
    }
}
