package memolab.grader.runner;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import memolab.grader.Hidden;
import memolab.grader.junit.OutcomeCollector;
import memolab.grader.score.TestOutcome;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the graded suite, in this JVM, against one submission's compiled classes.
 *
 * <p>Each run gets its own {@link SubmissionClassLoader}, so submissions never see each
 * other. It does not guard against hostile code (an endless loop keeps its thread, and
 * {@code System.exit} ends this JVM): that is the job of the process around it.
 */
public final class SuiteRunner {

    /** The graded suite's package; its test classes end in "Test". */
    public static final String SUITE_PACKAGE = "memolab.grader.suite";

    private static final String ALL_TEST_CLASSES = ".*Test";

    private SuiteRunner() {
    }

    /**
     * Runs the suite.
     *
     * @param submissionClasses the submission's class folders (student classes and the given files)
     * @param suiteClasses      the folders or jars that hold the suite's compiled test classes
     * @param includeHidden     whether to run the hidden tests too (final grading)
     * @param listeners         more listeners to tell of the run, e.g. a {@code ScoreListener} to print the table
     * @return one outcome per graded test, in plan order
     */
    public static List<TestOutcome> run(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden,
                                        TestExecutionListener... listeners) throws IOException {
        return run(submissionClasses, suiteClasses, includeHidden, Set.of(), listeners);
    }

    /**
     * Runs the suite but the tests in {@code skip} ({@code Class#method}, as
     * {@link TestOutcome#testClass()} and {@link TestOutcome#testMethod()} name them): an earlier
     * JVM concluded them, and this one goes on with the rest.
     */
    public static List<TestOutcome> run(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden,
                                        Set<String> skip, TestExecutionListener... listeners) throws IOException {
        return run(submissionClasses, suiteClasses, includeHidden, skip, Set.of(), listeners);
    }

    /**
     * As {@link #run(List, List, boolean, Set, TestExecutionListener...)}, with the test classes
     * in {@code deferred} run after all the others ({@link SuiteClassOrder}).
     */
    public static List<TestOutcome> run(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden,
                                        Set<String> skip, Set<String> deferred, TestExecutionListener... listeners)
            throws IOException {
        OutcomeCollector collector = new OutcomeCollector();
        TestExecutionListener[] all = Arrays.copyOf(listeners, listeners.length + 1);
        all[listeners.length] = collector;
        withSuite(submissionClasses, suiteClasses, includeHidden, ALL_TEST_CLASSES, skip, deferred,
                (launcher, request) -> launcher.execute(request, all));
        return collector.outcomes();
    }

    /**
     * Runs only the suite's test classes whose simple names match {@code testClasses} (a
     * regular expression), e.g. the timing tests alone for the timing-reliability benchmark.
     */
    public static List<TestOutcome> run(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden,
                                        String testClasses, TestExecutionListener... listeners) throws IOException {
        OutcomeCollector collector = new OutcomeCollector();
        TestExecutionListener[] all = Arrays.copyOf(listeners, listeners.length + 1);
        all[listeners.length] = collector;
        withSuite(submissionClasses, suiteClasses, includeHidden, testClasses, Set.of(), Set.of(),
                (launcher, request) -> launcher.execute(request, all));
        return collector.outcomes();
    }

    /**
     * The graded tests the suite holds, found without running any: each outcome is
     * {@link TestOutcome.Status#NOT_RUN}. Any classes that compile against the student API
     * will do for {@code submissionClasses} (the grader uses the stubs).
     */
    public static List<TestOutcome> plan(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden)
            throws IOException {
        List<TestOutcome> plan = new ArrayList<>();
        withSuite(submissionClasses, suiteClasses, includeHidden, ALL_TEST_CLASSES, Set.of(), Set.of(),
                (launcher, request) -> plan.addAll(OutcomeCollector.gradedTests(launcher.discover(request)).values()));
        return plan;
    }

    private interface SuiteAction {
        void run(Launcher launcher, LauncherDiscoveryRequest request);
    }

    private static void withSuite(List<Path> submissionClasses, List<Path> suiteClasses, boolean includeHidden,
                                  String testClasses, Set<String> skip, Set<String> deferred, SuiteAction action)
            throws IOException {
        List<URL> submission = new ArrayList<>();
        for (Path path : submissionClasses) {
            submission.add(toUrl(path));
        }
        List<URL> suite = new ArrayList<>();
        for (Path path : suiteClasses) {
            suite.add(toUrl(path));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (SubmissionClassLoader loader = SubmissionClassLoader.create(submission, suite, SuiteRunner.class.getClassLoader())) {
            thread.setContextClassLoader(loader);
            String classPattern = Pattern.quote(SUITE_PACKAGE) + "\\." + testClasses;
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(suiteTestClasses(suiteClasses, classPattern))
                    .filters(includeClassNamePatterns(classPattern));
            if (!includeHidden) {
                request.filters(TagFilter.excludeTags(Hidden.TAG));
            }
            request.configurationParameter("junit.jupiter.testclass.order.default", SuiteClassOrder.class.getName());
            if (!deferred.isEmpty()) {
                request.configurationParameter(SuiteClassOrder.PARAMETER, String.join(",", deferred));
            }
            if (!skip.isEmpty()) {
                request.filters((PostDiscoveryFilter) descriptor -> FilterResult.includedIf(!skip.contains(key(descriptor))));
            }
            // The score listener registers itself on every launcher; here the caller reads the outcomes. The
            // suite's RulesReadEarly is the student's run's: here the grader's JVM has read the rules already.
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .build());
            action.run(launcher, request.build());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The suite's top-level classes in {@code roots} whose names match {@code classPattern}, each
     * selected by name: the classes JUnit's scan of the roots finds (a class's {@code @Nested}
     * classes come with it), without that scan's walk of the whole grader jar, some 15,000
     * files. The order they run in is {@link SuiteClassOrder}'s.
     */
    static List<DiscoverySelector> suiteTestClasses(List<Path> roots, String classPattern) throws IOException {
        Pattern wanted = Pattern.compile(classPattern);
        String folder = SUITE_PACKAGE.replace('.', '/') + "/";
        List<String> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path suite = root.resolve(folder);
                if (Files.isDirectory(suite)) {
                    try (Stream<Path> walk = Files.walk(suite)) {
                        walk.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString().replace('\\', '/')));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    jar.stream().map(ZipEntry::getName).filter(name -> name.startsWith(folder)).forEach(files::add);
                }
            }
        }
        return files.stream()
                .filter(name -> name.endsWith(".class") && name.indexOf('$') < 0)
                .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                .filter(name -> wanted.matcher(name).matches())
                .distinct()
                .<DiscoverySelector>map(name -> selectClass(name))
                .toList();
    }

    /** A test's {@code Class#method}, or "" for a container. */
    private static String key(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName() + "#" + m.getMethodName()).orElse("");
    }

    private static URL toUrl(Path path) throws MalformedURLException {
        return path.toAbsolutePath().toUri().toURL();
    }
}
