package memolab.grader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.Assumptions;
import org.assertj.core.configuration.PreferredAssumptionException;
import org.assertj.core.presentation.HexadecimalRepresentation;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link YourTestsMain.TestLibraries#reset}: AssertJ's state of the whole JVM, which a student's
 * test could keep from one cache to the next (a vote among the caches run before it, kept in
 * AssertJ's registry of formatters, scored 9 of 10 without stating what a cache must do), is as
 * a fresh JVM has it after the reset, whatever the tests set; and the list of that state is
 * AssertJ's own, read from its classes, so that a new version's new setting shows here first.
 */
class TestLibrariesTest {

    /**
     * Every static field of AssertJ that can change after its class is initialised (not final, or
     * a final map, collection or thread-local), with what keeps it from carrying anything from one
     * cache to the next. A field missing here fails {@link #theStateIsAssertJsWholeState}.
     */
    private static final Map<String, String> STATE = new TreeMap<>(Map.ofEntries(
            Map.entry("org.assertj.core.api.AbstractAssert.throwUnsupportedExceptionOnEquals", "reset"),
            Map.entry("org.assertj.core.api.AbstractAssert.customRepresentation", "reset"),
            Map.entry("org.assertj.core.api.AbstractAssert.printAssertionsDescription", "reset"),
            Map.entry("org.assertj.core.api.AbstractAssert.descriptionConsumer", "reset"),
            Map.entry("org.assertj.core.api.AssumptionExceptionFactory.preferredAssumptionException", "reset"),
            Map.entry("org.assertj.core.api.AbstractDateAssert.lenientParsing", "reset"),
            Map.entry("org.assertj.core.api.AbstractDateAssert.userDateFormats", "reset on the runner's thread; each test "
                    + "runs on a thread of its own (the time limit's)"),
            Map.entry("org.assertj.core.api.AbstractDateAssert.DEFAULT_DATE_FORMATS", "the same formats on every thread"),
            Map.entry("org.assertj.core.presentation.StandardRepresentation.maxLengthForSingleLineDescription", "reset"),
            Map.entry("org.assertj.core.presentation.StandardRepresentation.maxElementsForPrinting", "reset"),
            Map.entry("org.assertj.core.presentation.StandardRepresentation.maxStackTraceElementsDisplayed", "reset"),
            Map.entry("org.assertj.core.presentation.StandardRepresentation.customFormatterByType", "reset"),
            Map.entry("org.assertj.core.util.introspection.Introspection.bareNamePropertyMethods", "reset"),
            Map.entry("org.assertj.core.util.introspection.Introspection.METHOD_CACHE", "filled by extraction by name, "
                    + "which the rules refuse"),
            Map.entry("org.assertj.core.util.introspection.FieldUtils.fieldsPerClass", "filled by extraction by name, "
                    + "which the rules refuse"),
            Map.entry("org.assertj.core.api.recursive.comparison.RecursiveComparisonDifferenceCalculator.customEquals",
                    "filled by the recursive comparison, which the rules refuse"),
            Map.entry("org.assertj.core.internal.DeepDifference.customEquals", "filled by field-by-field comparison, "
                    + "which the rules refuse"),
            Map.entry("org.assertj.core.internal.DeepDifference.customHash", "filled by field-by-field comparison, "
                    + "which the rules refuse"),
            Map.entry("org.assertj.core.presentation.NumberGrouping.hexGroupPattern", "a constant, made when first needed"),
            Map.entry("org.assertj.core.presentation.NumberGrouping.binaryGroupPattern", "a constant, made when first needed"),
            Map.entry("org.assertj.core.util.diff.DiffUtils.unifiedDiffChunkRe", "a constant, made when first needed"),
            Map.entry("org.assertj.core.util.introspection.ClassUtils.PRIMITIVE_WRAPPER_TYPES", "a constant"),
            Map.entry("org.assertj.core.util.introspection.ClassUtils.OPTIONAL_TYPES", "a constant"),
            Map.entry("org.assertj.core.util.xml.XmlStringPrettyFormatter.SECURE_FEATURES", "a constant"),
            Map.entry("org.assertj.core.internal.Strings.NON_BREAKING_SPACES", "a constant")));

    /** The fields {@link YourTestsMain.TestLibraries#reset} sets back, as a fresh JVM has them. */
    private static final Map<String, Object> FRESH = state();

    @AfterEach
    void reset() {
        YourTestsMain.TestLibraries.reset();
    }

    @Test
    @DisplayName("every static field AssertJ can change is listed, with what keeps it from carrying anything between caches")
    void theStateIsAssertJsWholeState() throws IOException, URISyntaxException {
        Path jar = Path.of(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TreeSet<String> found = new TreeSet<>();
        try (JarFile classes = new JarFile(jar.toFile())) {
            classes.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("org/assertj/") && name.endsWith(".class") && !name.contains("/bytebuddy/")
                            && !name.endsWith("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .forEach(name -> {
                        Class<?> type;
                        try {
                            type = Class.forName(name, false, Assertions.class.getClassLoader());
                        } catch (ClassNotFoundException | LinkageError e) {
                            return; // a class of an optional dependency (JUnit 4, ...)
                        }
                        Field[] fields;
                        try {
                            fields = type.getDeclaredFields();
                        } catch (LinkageError e) {
                            return;
                        }
                        for (Field field : fields) {
                            int modifiers = field.getModifiers();
                            boolean container = Map.class.isAssignableFrom(field.getType())
                                    || Collection.class.isAssignableFrom(field.getType())
                                    || ThreadLocal.class.isAssignableFrom(field.getType());
                            if (Modifier.isStatic(modifiers) && !field.isSynthetic() && !field.isEnumConstant()
                                    && (!Modifier.isFinal(modifiers) || container)) {
                                found.add(type.getName().replace('$', '.') + "." + field.getName());
                            }
                        }
                    });
        }
        assertThat(found).as("AssertJ's static state (a new version may add some: reset it, or say why it carries nothing)")
                .containsExactlyInAnyOrderElementsOf(STATE.keySet());
    }

    @Test
    @DisplayName("after the reset, every setting a test can change through AssertJ's API is as a fresh JVM has it")
    void theResetUndoesEverySetting() throws Exception {
        StandardRepresentation.registerFormatterForType(java.util.concurrent.atomic.AtomicReference.class, r -> "kept");
        Assertions.setMaxElementsForPrinting(3);
        Assertions.setMaxLengthForSingleLineDescription(7);
        Assertions.setMaxStackTraceElementsDisplayed(1);
        Assertions.setPrintAssertionsDescription(true);
        Assertions.setDescriptionConsumer(description -> { });
        Assertions.useRepresentation(new HexadecimalRepresentation());
        Assertions.setLenientDateParsing(true);
        Assertions.setExtractBareNamePropertyMethods(false);
        Assertions.setRemoveAssertJRelatedElementsFromStackTrace(false);
        Assertions.setAllowComparingPrivateFields(false);
        Assertions.setAllowExtractingPrivateFields(false);
        Assertions.registerCustomDateFormat(new SimpleDateFormat("'kept'yyyy"));
        Assertions.assertThat(new Date(0)).withDateFormat("yyyy"); // a constructor's call: kept on its thread
        Assumptions.setPreferredAssumptionException(PreferredAssumptionException.JUNIT5);
        AbstractAssert.throwUnsupportedExceptionOnEquals = false;
        assertThat(state()).isNotEqualTo(FRESH);

        YourTestsMain.TestLibraries.reset();

        assertThat(state()).isEqualTo(FRESH);
        assertThat(StandardRepresentation.STANDARD_REPRESENTATION.toStringOf(new java.util.concurrent.atomic.AtomicReference<>(1)))
                .isEqualTo("AtomicReference[1]");
    }

    @Test
    @DisplayName("the reset needs no ByteBuddy, which the grader's jar leaves out (AssertJ's Assumptions need it)")
    void theResetRunsWithoutByteBuddy() throws Exception {
        java.util.List<java.net.URL> jars = new java.util.ArrayList<>();
        for (Class<?> of : new Class<?>[] {YourTestsMain.class, Assertions.class, org.opentest4j.AssertionFailedError.class}) {
            jars.add(of.getProtectionDomain().getCodeSource().getLocation());
        }
        try (java.net.URLClassLoader alone = new java.net.URLClassLoader(jars.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            assertThat(alone.getResource("net/bytebuddy/ByteBuddy.class")).isNull();
            java.lang.reflect.Method reset = Class.forName(YourTestsMain.TestLibraries.class.getName(), true, alone)
                    .getDeclaredMethod("reset");
            reset.setAccessible(true);
            reset.invoke(null); // a NoClassDefFoundError here ended every tests' JVM of the jar at its start
        }
    }

    /** The values of the fields the reset sets back, by name; a container by its contents. */
    private static Map<String, Object> state() {
        Map<String, Object> values = new TreeMap<>();
        STATE.forEach((name, why) -> {
            if (!why.startsWith("reset")) {
                return;
            }
            int dot = name.lastIndexOf('.');
            try {
                Field field = Class.forName(name.substring(0, dot)).getDeclaredField(name.substring(dot + 1));
                field.setAccessible(true);
                Object value = field.get(null);
                if (value instanceof ThreadLocal<?> local) {
                    value = String.valueOf(local.get());
                } else if (value instanceof Map<?, ?> map) {
                    value = String.valueOf(map.keySet());
                } else if (value != null && !(value instanceof Number || value instanceof Boolean || value instanceof Enum<?>)) {
                    value = value.getClass().getName(); // a representation or consumer: which one
                }
                values.put(name, value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("AssertJ has no " + name + " any more: update the list", e);
            }
        });
        // FieldSupport's and Failures' settings are instance fields of singletons, set through Assertions too.
        values.put("FieldSupport.EXTRACTION.allowUsingPrivateFields", org.assertj.core.util.introspection.FieldSupport.EXTRACTION
                .isAllowedToUsePrivateFields());
        values.put("FieldSupport.COMPARISON.allowUsingPrivateFields", org.assertj.core.util.introspection.FieldSupport.COMPARISON
                .isAllowedToUsePrivateFields());
        values.put("Failures.removeAssertJRelatedElementsFromStackTrace", String.valueOf(readField(
                org.assertj.core.internal.Failures.instance(), "removeAssertJRelatedElementsFromStackTrace")));
        return values;
    }

    private static Object readField(Object owner, String name) {
        try {
            Field field = owner.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("AssertJ's " + owner.getClass().getName() + " has no " + name + " any more", e);
        }
    }
}
