package memolab.grader.grading;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memolab.grader.grading.YourTestsMain.Event;
import memolab.grader.grading.YourTestsMain.Target;
import memolab.grader.owntests.BugCorpus;
import memolab.grader.rules.ExerciseRules;
import memolab.grader.score.PlainText;

/**
 * "Your tests": measures a student's own tests ({@code src/test/java/memolab}, package
 * {@code memolab}) in final grading, in JVMs of their own, as the graded suite's run measures
 * their code. They compile against the stubs (a test of the contract runs on any cache that
 * keeps it) and JUnit 5, AssertJ and the kit's property checker; they pass the same safety gate
 * as the student's code. Then:
 *
 * <ol>
 *   <li><b>sound</b>: each test runs {@value #REFERENCE_RUNS} times on each correct cache the
 *       bugs are made from (the reference, and a compact one); one that fails even once is
 *       unsound, named with its message, and counts no further;</li>
 *   <li><b>thorough</b>: the sound tests run on each bug of the corpus, twice, at two places
 *       of an order drawn for each set of test files, with {@value #SENTINELS} correct caches among
 *       them; a bug is caught when the same sound test fails on it in both runs (one that
 *       never returns fails, and so do the tests of a class whose {@code @BeforeAll} throws),
 *       and a test that fails on one of those correct caches is unsound;</li>
 *   <li><b>covering</b>: the sound tests run on the student's own classes, JaCoCo counting the
 *       branches of their cache's classes (all but {@code Fibonacci}) the tests reach.</li>
 * </ol>
 *
 * <p>The first two steps never run the student's code: the third runs after them, in the first
 * step's JVM, with limits of its own. A test has {@value #TEST_SECONDS} s; one whose code
 * outlives its limit ends its JVM, and a fresh one goes on with the tests not yet run, at most
 * {@value #MAX_JVMS} JVMs and {@value #BUDGET_SECONDS} s for the first two steps, and as many
 * for the third. Test files the same as those of a submission measured before in the batch
 * take that measurement's first two steps, and run the third alone, in a JVM of its own.
 */
public final class YourTests {

    /** Where a student's own tests are, from a repository's {@code src} folder. */
    public static final String FOLDER = "test/java/" + ExerciseRules.STUDENT_PACKAGE;

    /** How many times each test runs on each correct cache. */
    public static final int REFERENCE_RUNS = 2;

    /** Each test's time limit, per run. */
    public static final int TEST_SECONDS = ExerciseRules.TEST_SECONDS;

    /** How many JVMs one submission's tests may use at most. */
    public static final int MAX_JVMS = 12;

    /** The wall-clock limit of the whole measurement. */
    public static final int BUDGET_SECONDS = 180;

    /**
     * How long a tests' JVM may be silent before it is ended as hung: a test's limit, twice,
     * and a margin (JUnit's timeout reports a test that outlives its limit within a second).
     */
    public static final int SILENCE_SECONDS = TEST_SECONDS * 2 + 4;

    /** The most test files read: a course's tests are a few classes. */
    public static final int MAX_FILES = 30;

    /**
     * The most tests run on one cache: a thorough suite of a cache is some dozens, a few
     * hundred with parameters; past this many (a test factory of thousands) the rest are
     * left unrun, so that one submission's tests take bounded time and memory.
     */
    public static final int MAX_TESTS = 1000;

    /** The API's files: a test file of one of these names would stand for the class it tests. */
    private static final Set<String> API_FILES = ExerciseRules.API_CLASSES.stream().map(name -> name + ".java")
            .collect(Collectors.toUnmodifiableSet());

    private static final Gson GSON = new Gson();

    /** Prepares the bug corpus (its classes, compiled when the grader was built): done once, by the first submission that has tests. */
    public interface CorpusSource {
        BugCorpus prepare() throws IOException;
    }

    private final CorpusSource corpusSource;
    private BugCorpus corpus;
    private final Path stubClasses;
    private final int points;
    private final List<String> jvmFlags;
    /**
     * What the tests of each set of files measured that does not depend on the student's code,
     * by {@link #digest} of the files: the first submission with those files measures it, and
     * the others of the batch with the same files take it (null: that measurement is not one to
     * share, and the next of them measures in turn).
     */
    private final Map<String, java.util.concurrent.CompletableFuture<Shared>> shared =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param corpus      the bugs and the correct caches, prepared once for the batch when first needed
     * @param stubClasses the stubs, compiled: what the tests compile against
     * @param points      what the category is worth
     * @param jvmFlags    flags for the tests' JVMs beyond the suite's
     *                    ({@link SubmissionGrader#SUITE_JVM_FLAGS}): the batch's class-data archive
     *                    ({@link SubmissionGrader#archiveFlags}), which maps the JDK's, JUnit's and
     *                    AssertJ's classes these JVMs load too
     */
    public YourTests(CorpusSource corpus, Path stubClasses, int points, List<String> jvmFlags) {
        this.corpusSource = corpus;
        this.stubClasses = stubClasses;
        this.points = points;
        List<String> flags = new ArrayList<>(SubmissionGrader.SUITE_JVM_FLAGS);
        flags.addAll(jvmFlags);
        int java = Runtime.version().feature(); // the tests' JVM is this Java's
        if (java > 17 && java < 24) {
            // The tests' file wall (TestsSandbox) is a security manager: Java 17 allows one by default, 18 to 23 with
            // this flag, and from 24, where the flag stops the JVM at its start, there is none to allow.
            flags.add("-Djava.security.manager=allow");
        }
        this.jvmFlags = List.copyOf(flags);
    }

    /** What the category is worth. */
    public int points() {
        return points;
    }

    /**
     * A submission's own tests: the Java files of {@code src/test/java/memolab} beside its
     * {@code src/main/java}, or, for files uploaded alone, the {@code *Test.java} files beside
     * its sources; empty when there are none.
     */
    static List<Path> testFiles(Submission submission) throws IOException {
        Set<Path> folders = new LinkedHashSet<>();
        boolean loose = false;
        for (Path source : submission.sources()) {
            Path packageFolder = source.getParent();
            Path java = packageFolder == null ? null : packageFolder.getParent();
            Path main = java == null ? null : java.getParent();
            if (main != null && main.getFileName() != null && main.getFileName().toString().equals("main")
                    && java.getFileName().toString().equals("java")) {
                folders.add(main.resolveSibling(FOLDER));
            } else if (packageFolder != null) {
                folders.add(packageFolder);
                loose = true;
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            boolean uploaded = loose;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(f -> f.getFileName().toString().endsWith(".java")
                                && (!uploaded || Submission.isTestFile(f.getFileName().toString()))
                                && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                        .sorted().forEach(files::add);
            }
        }
        return files;
    }

    /**
     * Measures the tests of {@code submission}.
     *
     * @param ownClasses the student's compiled classes, if they passed the gate (else no coverage is measured)
     * @param work       the submission's work folder
     */
    public YourTestsReport measure(Submission submission, Optional<Path> ownClasses, Path work) throws IOException {
        long start = System.nanoTime();
        List<Path> testFiles = testFiles(submission);
        if (testFiles.isEmpty()) {
            return YourTestsReport.none(points, "No tests found: write them in `exercises/src/test/java/memolab` (the template "
                    + "has one to start from; uploading files alone, add your `...Test.java` files beside them). No test is no "
                    + "sound suite, so this category scores 0.", seconds(start));
        }
        Path root = work.resolve("your-tests").toAbsolutePath(); // the tests' JVM runs there, reading these paths
        Folders.deleteTree(root);
        List<String> notes = new ArrayList<>();
        List<Path> sources = copySources(testFiles, root.resolve("src").resolve(ExerciseRules.STUDENT_PACKAGE), notes);
        if (sources.isEmpty()) {
            notes.add("No test files of package memolab in `src/test/java/memolab`: this category scores 0.");
            return YourTestsReport.of(points, notes, 0, List.of(), 0, List.of(), 0, 0, 0, seconds(start), 0);
        }
        // The same files compile to the same tests, and what they do on the course's caches does not depend on the student's
        // code, which never runs there: one measurement serves them all; each student's own code runs apart.
        String key = digest(sources);
        java.util.concurrent.CompletableFuture<Shared> mine = new java.util.concurrent.CompletableFuture<>();
        for (var earlier = shared.putIfAbsent(key, mine); earlier != null; earlier = shared.putIfAbsent(key, mine)) {
            Shared measured = earlier.join();
            if (measured != null) {
                start = System.nanoTime(); // this student's own run, not the wait for the other's
                return measureOwn(measured, ownClasses, root, notes, start, null).measuredWith(measured.student());
            }
        }
        Shared measured;
        Runs.Live[] warm = {null}; // the sound runs' JVM, which runs the student's code next: no JVM to start for it
        try {
            measured = measureOnCaches(submission, sources, work, root, ownClasses, warm);
            mine.complete(measured);
        } finally {
            if (!mine.isDone()) {
                // The measurement failed (the grader's fault): the next student with these files measures them in turn.
                shared.remove(key, mine);
                mine.complete(null);
                if (warm[0] != null) {
                    Runs.end(warm[0].process());
                }
            }
        }
        return measureOwn(measured, ownClasses, root, notes, start, warm[0]);
    }

    /**
     * What a submission's tests measured on the course's caches, which others' identical files
     * take: the compiled tests, the notes on them, the tests found and those sound (none where
     * they did not compile or were refused), the bugs' verdicts, the problems met, and the JVMs
     * it took.
     */
    private record Shared(String student, Map<String, byte[]> classes, List<String> notes, Map<String, String> names,
                          List<YourTestsReport.Unsound> unsound, List<String> sound, List<String> kept,
                          List<YourTestsReport.BugVerdict> verdicts, List<String> problems, int jvms) {

        Shared {
            classes = Map.copyOf(classes);
            notes = List.copyOf(notes);
            names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
            unsound = List.copyOf(unsound);
            sound = List.copyOf(sound);
            kept = List.copyOf(kept);
            verdicts = List.copyOf(verdicts);
            problems = List.copyOf(problems);
        }

        /** Tests that never ran on the caches, for the reasons in {@code notes}. */
        static Shared none(String student, List<String> notes) {
            return new Shared(student, Map.of(), List.copyOf(notes), Map.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), 0);
        }
    }

    /** A digest of test files: their names and contents. */
    public static String digest(List<Path> files) throws IOException {
        java.security.MessageDigest sha;
        try {
            sha = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (Path file : files) {
            byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
            byte[] content = Files.readAllBytes(file);
            sha.update(java.nio.ByteBuffer.allocate(8).putInt(name.length).putInt(content.length).array());
            sha.update(name);
            sha.update(content);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The report of a submission's tests from their measurement on the course's caches (this
     * student's or another's of the batch, with the same files) and a run of the sound tests on
     * the student's own classes, with limits of its own: their coverage, and the tests that fail
     * there. It runs in {@code warm}, the JVM of this student's sound runs, when given (it has
     * read the student's classes, and no more runs there), else in one started for it.
     */
    private YourTestsReport measureOwn(Shared measured, Optional<Path> ownClasses, Path root, List<String> notes, long start,
                                       Runs.Live warm) throws IOException {
        notes.addAll(measured.notes());
        Path classes = root.resolve("classes");
        Runs runs = new Runs(root, classes, System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS), List.of());
        runs.adopt(warm);
        try {
            if (measured.sound().isEmpty()) {
                notes.addAll(measured.problems());
                return YourTestsReport.of(points, notes, measured.names().size(), measured.unsound(), 0, List.of(), 0, 0, 0,
                        seconds(start), measured.jvms());
            }
            if (!Files.isDirectory(classes)) { // another student's run compiled them
                Path tests = Files.createDirectories(classes.resolve(ExerciseRules.STUDENT_PACKAGE));
                for (Map.Entry<String, byte[]> file : measured.classes().entrySet()) {
                    Files.write(tests.resolve(file.getKey()), file.getValue());
                }
            }
            BugCorpus corpus = corpus();
            if (ownClasses.isPresent() && !measured.kept().isEmpty()) {
                runs.run(List.of(new Target("own", List.of(ownClasses.get().toAbsolutePath().toString()), measured.sound(),
                        List.of(), true, false, null, null)), List.of());
            }
            Event coverage = runs.done.get("own");
            List<String> failedOnOwn = runs.results("own").values().stream()
                    .filter(e -> e.failed() && measured.kept().contains(e.test()))
                    .map(e -> measured.names().getOrDefault(e.test(), e.name())).distinct().toList();
            Set<String> problems = new LinkedHashSet<>(measured.problems());
            problems.addAll(runs.problems);
            notes.addAll(problems);
            return YourTestsReport.of(points, notes, measured.names().size(), measured.unsound(), measured.kept().size(),
                    measured.verdicts(), coverage == null ? 0 : coverage.covered(), coverage == null ? 0 : coverage.branches(),
                    leastBranches(corpus), failedOnOwn, seconds(start), measured.jvms() + runs.jvms);
        } finally {
            runs.close();
        }
    }

    /**
     * Measures {@code sources}, a submission's tests copied under {@code root}, on the course's
     * caches: compiled, checked, run on the correct caches (sound) and on the bugs (thorough).
     * The student's own code has no part in it.
     */
    private Shared measureOnCaches(Submission submission, List<Path> sources, Path work, Path root, Optional<Path> ownClasses,
                                   Runs.Live[] warm) throws IOException {
        List<String> notes = new ArrayList<>();
        Path classes = root.resolve("classes");
        List<Path> classPath = new ArrayList<>();
        classPath.add(stubClasses.toAbsolutePath());
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(p -> Path.of(p).toAbsolutePath())
                .forEach(classPath::add);
        var compilation = BoundedCompile.compile(sources, classes, root, classPath);
        // A file that does not compile against the API (a test of a helper class of the student's, which the course's
        // caches do not have) is left out, and the others run; with all of them left out, none does.
        List<Path> compiled = new ArrayList<>(sources);
        Map<String, String> leftOut = new LinkedHashMap<>();
        java.util.Set<String> unparsable = new java.util.TreeSet<>();
        Map<String, String> usesLeftOut = new LinkedHashMap<>(); // a file left out for a class of a file left out before
        for (int round = 0; !compilation.success() && round < MAX_FILES; round++) {
            Map<String, String> broken = brokenFiles(compilation.messages(), compiled);
            unparsable.addAll(compilation.unparsable());
            if (broken.isEmpty() || broken.size() >= compiled.size()) {
                break;
            }
            java.util.Set<String> declaredOut = declaredIn(sources.stream()
                    .filter(file -> leftOut.containsKey(file.getFileName().toString())).toList());
            for (String file : broken.keySet()) {
                missingSymbols(compilation.messages(), file).stream().filter(declaredOut::contains).findFirst()
                        .ifPresent(used -> usesLeftOut.put(file, used));
            }
            leftOut.putAll(broken);
            compiled.removeIf(file -> broken.containsKey(file.getFileName().toString()));
            Folders.deleteTree(classes);
            compilation = BoundedCompile.compile(compiled, classes, root, classPath);
        }
        if (compilation.success() && !leftOut.isEmpty()) {
            Map<String, String> syntax = new LinkedHashMap<>(leftOut);
            syntax.keySet().retainAll(unparsable);
            Map<String, String> uses = new LinkedHashMap<>(leftOut);
            uses.keySet().retainAll(usesLeftOut.keySet());
            uses.keySet().removeAll(unparsable);
            Map<String, String> api = new LinkedHashMap<>(leftOut);
            api.keySet().removeAll(unparsable);
            api.keySet().removeAll(usesLeftOut.keySet());
            List<String> leftOutNotes = new ArrayList<>();
            if (!syntax.isEmpty()) {
                leftOutNotes.add("LEFT OUT of your tests: " + names(syntax) + ", which " + (syntax.size() == 1
                        ? "has a syntax error" : "have syntax errors") + " (your own ./mvnw test stops at it too, before any "
                        + "test runs).%s The compiler said:\n" + compilerSaid(syntax.values()));
            }
            if (!uses.isEmpty()) {
                leftOutNotes.add("LEFT OUT of your tests: " + uses.keySet().stream().map(file -> PlainText.inlineCode(file)
                        + ", which uses " + PlainText.inlineCode(usesLeftOut.get(file))).collect(Collectors.joining("; "))
                        + ", of a file left out above: mend that file and " + (uses.size() == 1 ? "it runs" : "these run") + " again.%s");
            }
            if (!api.isEmpty()) {
                leftOutNotes.add("LEFT OUT of your tests: " + names(api) + ", which " + (api.size() == 1 ? "does" : "do") + " not "
                        + "compile against the exercise's API: your tests also run on the course's caches, which have only the "
                        + "public API of `LruCache`, `Fibonacci` and `CacheStats` (a test of a class of your own, a node or a "
                        + "list, cannot run there; test it through `LruCache`). Or it has an error of its own, which your own "
                        + "./mvnw test stops at too: the compiler's words say which.%s The compiler said:\n"
                        + compilerSaid(api.values()));
            }
            for (int i = 0; i < leftOutNotes.size(); i++) {
                notes.add(leftOutNotes.get(i).replace("%s", i == leftOutNotes.size() - 1 ? " The rest of your tests ran." : ""));
            }
        }
        if (!compilation.success()) {
            boolean syntaxOnly = !unparsable.isEmpty() && brokenFiles(compilation.messages(), compiled).keySet().stream()
                    .allMatch(unparsable::contains);
            notes.add((syntaxOnly ? "Your tests have a syntax error (your own ./mvnw test stops at it too, before any test "
                    + "runs)." : "Your tests do not compile against the exercise's API (they run on the reference and on "
                    + "other caches, so they may use only the public API of `LruCache`, `Fibonacci` and `CacheStats`, JUnit 5, "
                    + "AssertJ and the kit's property checker).") + " The compiler said:\n"
                    + compilerSaid(compilation.messages().stream().limit(20).toList()));
            return Shared.none(submission.student(), notes);
        }
        java.util.Optional<String> tooLarge = CompiledSize.tooLarge(classes, "Your tests");
        if (tooLarge.isPresent()) {
            notes.add("NOT RUN: " + tooLarge.get() + " They were not run, and this category scores 0.");
            return Shared.none(submission.student(), notes);
        }
        List<SafetyGate.Violation> violations = SafetyGate.checkTests(classes);
        if (!violations.isEmpty()) {
            notes.add(SafetyGate.explain(violations).replaceFirst("^REFUSED: your code breaks", "REFUSED: your tests break")
                    .replace("so final grading did not run it at all and it scores 0", "so final grading did not run them at all "
                            + "and this category scores 0").replace("; your own ./mvnw test shows the same rules in \"Rules of the "
                            + "exercise\".", "."));
            return Shared.none(submission.student(), notes);
        }
        Map<String, byte[]> compiledTests = YourTestsMain.classFiles(List.of(classes)); // all of package memolab
        BugCorpus corpus = corpus();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BUDGET_SECONDS);
        List<List<String>> caches = new ArrayList<>();
        corpus.correct().forEach(cache -> caches.add(List.of(cache.toString())));
        corpus.bugs().forEach(bug -> caches.add(List.of(bug.classes().toString())));
        // The sound runs' JVM reads the student's classes too (it runs them once the caches' runs are done, for the
        // coverage); the bugs' JVM does not.
        List<List<String>> soundCaches = new ArrayList<>(caches);
        ownClasses.ifPresent(own -> soundCaches.add(List.of(own.toAbsolutePath().toString())));
        Runs runs = new Runs(root, classes, deadline, soundCaches);
        try {
            // 1. Sound: every test on each correct cache, REFERENCE_RUNS times.
            List<Target> referenceRuns = new ArrayList<>();
            for (int run = 1; run <= REFERENCE_RUNS; run++) {
                for (int cache = 0; cache < corpus.correct().size(); cache++) {
                    referenceRuns.add(new Target("correct-" + cache + "-run-" + run, List.of(corpus.correct().get(cache).toString()),
                            null, List.of(), false, false, null, null));
                }
            }
            List<String> referenceIds = referenceRuns.stream().map(Target::id).toList();

            runs.run(referenceRuns, referenceIds);
            // The bugs run in a JVM of their own: what a test kept of the correct caches' runs is not there. This one waits
            // for the student's code.
            warm[0] = runs.detach();
            runs.reading(caches);
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, String> failures = new LinkedHashMap<>();
            for (Target target : referenceRuns) {
                for (Event result : runs.results(target.id()).values()) {
                    names.putIfAbsent(result.test(), result.name());
                    if (result.failed()) {
                        failures.putIfAbsent(result.test(), runs.ranOutOfTime(target.id(), result)
                                ? "did not finish within " + TEST_SECONDS + " s on a correct cache" : hidden(result.message(), work));
                    }
                }
            }
            Map<String, Long> slowest = runs.soundTests(referenceIds); // passed on every correct cache, every time
            List<String> sound = names.keySet().stream().filter(slowest::containsKey).toList();
            Set<String> soundSet = Set.copyOf(sound);
            List<YourTestsReport.Unsound> unsound = new ArrayList<>();
            for (String test : names.keySet()) {
                if (!soundSet.contains(test)) {
                    unsound.add(new YourTestsReport.Unsound(names.getOrDefault(test, test), failures.getOrDefault(test,
                            "passed on a correct cache in some runs only, or was not run every time")));
                }
            }
            if (names.isEmpty()) {
                notes.add("Your test files hold no test JUnit 5 runs (a method annotated `@Test` from `org.junit.jupiter.api`): "
                        + "this category scores 0.");
            }
            if (sound.isEmpty()) {
                return new Shared(submission.student(), compiledTests, notes, names, unsound, List.of(), List.of(), List.of(),
                        List.copyOf(runs.problems), runs.jvms);
            }

            // 3. Thorough, on each bug twice, the sound tests only, in a JVM started for them (told the sound tests and
            // their limits by this side): a test that recorded how the correct caches behave, in state the JVM keeps from
            // one cache to the next, and failed wherever a cache differs would catch bugs without saying what a cache must
            // do. The runs go in an order drawn afresh for each set of test files, the two of a bug at two places of it, and
            // correct caches run among them at places drawn too: a test that fails once some caches have run before it
            // fails on those, and one that fails at random, or on every cache after some count, fails on the two runs of
            // a bug as the same test by chance only.
            java.util.Random places = new java.security.SecureRandom();
            List<Target> first = new ArrayList<>();
            for (int run = 1; run <= BUG_RUNS; run++) {
                for (BugCorpus.Bug bug : corpus.bugs()) {
                    first.add(new Target(YourTestsMain.runId(bug.name(), run), List.of(bug.classes().toString()), null, List.of(),
                            false, true, Map.of(), referenceIds));
                }
            }
            java.util.Collections.shuffle(first, places);
            List<String> sentinels = withSentinels(first, corpus, places, "bugs");
            runs.run(first, referenceIds);
            Map<String, String> failedLater = new LinkedHashMap<>();
            for (String sentinel : sentinels) {
                runs.results(sentinel).values().stream().filter(e -> e.failed() && soundSet.contains(e.test()))
                        .forEach(e -> failedLater.putIfAbsent(e.test(),
                        (runs.ranOutOfTime(sentinel, e) && e.message() == null ? "did not finish within its limit"
                                : hidden(e.message(), work)) + " (on a correct cache, run "
                                + "after other caches: a test must not depend on what ran before it)"));
            }
            failedLater.forEach((test, message) -> unsound.add(new YourTestsReport.Unsound(names.getOrDefault(test, test), message)));
            List<String> kept = sound.stream().filter(t -> !failedLater.containsKey(t)).toList();
            List<YourTestsReport.BugVerdict> verdicts = new ArrayList<>();
            for (BugCorpus.Bug bug : corpus.bugs()) {
                List<String> caughtBy = new ArrayList<>();
                for (String test : kept) {
                    boolean everyRun = true; // a test that never returned is no exception: it fails both runs, or does not count
                    for (int run = 1; run <= BUG_RUNS; run++) {
                        Event result = runs.results(YourTestsMain.runId(bug.name(), run)).get(test);
                        everyRun &= result != null && result.failed();
                    }
                    if (everyRun) {
                        caughtBy.add(names.get(test));
                    }
                }
                verdicts.add(new YourTestsReport.BugVerdict(bug.name(), bug.words(), bug.severity().label(), bug.severity().weight,
                        caughtBy));
            }
            return new Shared(submission.student(), compiledTests, notes, names, unsound, sound, kept, verdicts,
                    List.copyOf(runs.problems), runs.jvms);
        } finally {
            runs.close(); // the tests' JVM that waits for a further plan
        }
    }

    /** The corpus whose correct caches {@link #leastBranches} counted, and that count. */
    private static BugCorpus countedCorpus;
    private static int leastBranchesCounted;

    /**
     * The fewest branches a complete cache of the course has: those of the corpus's correct cache
     * with the fewest (the cache's classes, as the student's are counted), by JaCoCo's analysis.
     */
    static synchronized int leastBranches(BugCorpus corpus) throws IOException {
        if (countedCorpus != corpus) {
            int least = Integer.MAX_VALUE;
            for (Path folder : corpus.correct()) {
                org.jacoco.core.analysis.CoverageBuilder coverage = new org.jacoco.core.analysis.CoverageBuilder();
                org.jacoco.core.analysis.Analyzer analyzer = new org.jacoco.core.analysis.Analyzer(
                        new org.jacoco.core.data.ExecutionDataStore(), coverage);
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".class")).sorted().toList()) {
                        String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
                        if (ExerciseRules.isCacheClass(simple)) {
                            analyzer.analyzeClass(Files.readAllBytes(file), simple);
                        }
                    }
                }
                least = Math.min(least, coverage.getClasses().stream().mapToInt(c -> c.getBranchCounter().getTotalCount()).sum());
            }
            leastBranchesCounted = least == Integer.MAX_VALUE ? 0 : least;
            countedCorpus = corpus;
        }
        return leastBranchesCounted;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Tells the instructor, once, that the students' tests run without the file wall. */
    private static void warnUnwalled(String why) {
        if (!WARNED.getAndSet(true)) {
            System.err.println("WARNING: " + why + ". Grade with Java 17 to 23 for the wall around the students' own tests.");
        }
    }

    /** The message of a test in a JVM this side ended, silent far past the test's limit. */
    private static final String NEVER_RETURNED = "never returned";

    /** How many times each bug runs, at places of the order drawn at random: a catch is a test that fails in every one. */
    public static final int BUG_RUNS = 2;

    /** How many correct caches run among the runs on the bugs, at random places. */
    public static final int SENTINELS = 4;

    /**
     * Inserts {@link #SENTINELS} runs on correct caches at random places of {@code targets},
     * the first place included; their ids. Each is a copy of a bug's run drawn at random (the
     * same tests, fail-fast or not), so that nothing a test can see there tells it apart.
     */
    private static List<String> withSentinels(List<Target> targets, BugCorpus corpus, java.util.Random places, String pass) {
        List<Target> bugs = targets.stream().filter(t -> !t.coverage()).toList();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SENTINELS && !bugs.isEmpty(); i++) {
            String id = "correct-among-" + pass + "-" + i;
            Path cache = corpus.correct().get(places.nextInt(corpus.correct().size()));
            Target like = bugs.get(places.nextInt(bugs.size()));
            targets.add(places.nextInt(targets.size() + 1), new Target(id, List.of(cache.toString()), like.only(), List.of(),
                    false, like.failFast(), like.limits(), like.soundFrom()));
            ids.add(id);
        }
        return ids;
    }

    /** How many times its slowest run on the correct caches a test may take on a bug before it counts as never returning. */
    public static final int LIMIT_FACTOR = 10;

    /** The least a test may take on a bug by the clock, whatever it took on the correct caches: a pause of the JVM is not a hang. */
    public static final long LIMIT_FLOOR_MILLIS = 500;

    /**
     * The least processor time a test may take on a bug, whatever it took on the correct caches:
     * a test whose code keeps a processor busy that long, ten times its slowest run, is not paused
     * but looping, and a cache that loops is seen sooner than by the clock.
     */
    public static final long CPU_FLOOR_MILLIS = 200;

    /**
     * The least work a test may make a cache of the corpus do on a bug, whatever it made the
     * correct caches do: the checks its code passes ({@link LoopStop}), one at every method and
     * every turn of a loop. A test that makes a cache take {@link #LIMIT_FACTOR} times the most
     * steps it took on the correct caches, and at least this many, counts as never returning
     * there, as one past its time does: a cache that loops is seen after a few hundredths of a
     * second of work rather than after {@link #CPU_FLOOR_MILLIS} of processor time, and the count,
     * unlike a clock, is the same on every run and every machine. (A test that runs for a set
     * time takes more steps where the code runs faster; the most of its runs on the correct
     * caches, the later ones on code the JVM has compiled, is its pace at its fastest.)
     */
    public static final long STEP_FLOOR = 10_000_000;

    /** Each sound test's limit in steps on the bugs, from the most steps it took on the correct caches: see {@link #STEP_FLOOR}. */
    static Map<String, Long> stepLimits(Map<String, Long> mostSteps) {
        Map<String, Long> limits = new LinkedHashMap<>();
        mostSteps.forEach((test, steps) -> limits.put(test, Math.max(STEP_FLOOR,
                steps > Long.MAX_VALUE / LIMIT_FACTOR ? Long.MAX_VALUE : steps * LIMIT_FACTOR)));
        return limits;
    }

    /**
     * Each sound test's limit on the bugs, in milliseconds, from its slowest run on the correct
     * caches in nanoseconds: {@link #LIMIT_FACTOR} times that run, at most {@link #TEST_SECONDS}
     * ({@link #limitMillis}). A cache that loops then costs a fraction of a second rather than the
     * full limit (its JVM ends there and the next starts), and a test ten times slower on a bug than
     * on every correct cache has found something; the correct caches run among the bugs with the
     * same limits, so a test too close to its limit is unsound there, not lucky. The first test a
     * JVM runs has more ({@code YourTestsMain}): it also loads the test libraries.
     */
    static Map<String, Long> limits(Map<String, Long> slowestNanos) {
        Map<String, Long> limits = new LinkedHashMap<>();
        slowestNanos.forEach((test, nanos) -> limits.put(test, limitMillis(nanos)));
        return limits;
    }

    /** A test's limit on the bugs, in milliseconds, from its slowest run on the correct caches, in nanoseconds, before its floors. */
    static long limitMillis(long slowestNanos) {
        return Math.min(TimeUnit.SECONDS.toMillis(TEST_SECONDS), TimeUnit.NANOSECONDS.toMillis(slowestNanos) * LIMIT_FACTOR);
    }

    /** A test's limit by the clock, from its {@link #limitMillis}: at least {@link #LIMIT_FLOOR_MILLIS}. */
    static long clockLimitMillis(long limitMillis) {
        return Math.max(LIMIT_FLOOR_MILLIS, limitMillis);
    }

    /** A test's limit in processor time, from its {@link #limitMillis}: at least {@link #CPU_FLOOR_MILLIS}. */
    static long cpuLimitMillis(long limitMillis) {
        return Math.max(CPU_FLOOR_MILLIS, limitMillis);
    }

    private synchronized BugCorpus corpus() throws IOException {
        if (corpus == null) {
            corpus = corpusSource.prepare();
        }
        return corpus;
    }

    /**
     * The files among {@code files} that the compiler's {@code messages} name with an error, each
     * with its first error ("LruCacheTest.java:12: error: ..."), in the order of the messages.
     */
    /** The names of the classes, interfaces, enums and records the files declare (read as text: they may not parse). */
    private static java.util.Set<String> declaredIn(List<Path> files) throws IOException {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Path file : files) {
            names.add(file.getFileName().toString().replaceFirst("\\.java$", ""));
            java.util.regex.Matcher declared = DECLARED.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (declared.find()) {
                names.add(declared.group(1));
            }
        }
        return names;
    }

    private static final java.util.regex.Pattern DECLARED =
            java.util.regex.Pattern.compile("\\b(?:class|interface|enum|record)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");

    /** The symbols the compiler could not find in {@code file}, as its messages name them. */
    private static List<String> missingSymbols(List<String> messages, String file) {
        List<String> missing = new ArrayList<>();
        for (String message : messages) {
            if (message.startsWith(file + ":")) {
                java.util.regex.Matcher symbol = MISSING_SYMBOL.matcher(message);
                while (symbol.find()) {
                    missing.add(symbol.group(1));
                }
            }
        }
        return missing;
    }

    private static final java.util.regex.Pattern MISSING_SYMBOL =
            java.util.regex.Pattern.compile("(?m)^\\s*symbol:\\s+(?:class|variable|interface|enum|record)\\s+([A-Za-z_$][A-Za-z0-9_$]*)");

    private static String names(Map<String, String> files) {
        return files.keySet().stream().map(PlainText::inlineCode).collect(Collectors.joining(", "));
    }

    /** The compiler's messages, as a block of code in the feedback. */
    private static String compilerSaid(java.util.Collection<String> messages) {
        return PlainText.codeBlock(PlainText.clean(String.join("\n", messages), PlainText.MESSAGE_CAP)).strip();
    }

    /** The files among {@code files} that the compiler found errors in, each with its errors' messages. */
    static Map<String, String> brokenFiles(List<String> messages, List<Path> files) {
        Set<String> names = files.stream().map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        Map<String, String> broken = new LinkedHashMap<>();
        for (String message : messages) {
            java.util.regex.Matcher error = COMPILER_ERROR.matcher(message);
            if (error.find() && names.contains(error.group(1))) {
                broken.merge(error.group(1), message, (first, next) -> first + "\n" + next); // every error, as javac lists them
            }
        }
        return broken;
    }

    /** A compiler message of an error in a file: "LruCacheTest.java:12: error: ...". */
    private static final java.util.regex.Pattern COMPILER_ERROR = java.util.regex.Pattern.compile("^([^/\\\\:]+\\.java):\\d+: error: ");

    /** Copies the test files into {@code target} as the compiler should read them; notes what was left out. */
    private static List<Path> copySources(List<Path> files, Path target, List<String> notes) throws IOException {
        Files.createDirectories(target);
        List<Path> copies = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (copies.size() >= MAX_FILES) {
                leftOut.add(PlainText.inlineCode(name) + " (more than " + MAX_FILES + " files)");
            } else if (!memolab.grader.runner.JavaSources.isCompilableFileName(name)) {
                leftOut.add(PlainText.inlineCode(name) + " (" + memolab.grader.runner.JavaSources.NOT_COMPILABLE_NAME + ")");
            } else if (API_FILES.contains(name)) {
                leftOut.add(PlainText.inlineCode(name) + " (the name of a class of the exercise: tests go in classes of their own)");
            } else if (Files.size(file) > Submission.MAX_SOURCE_BYTES) {
                leftOut.add(PlainText.inlineCode(name) + " (larger than 1 MB)");
            } else {
                String text = Submission.withoutByteOrderMark(Files.readString(file, StandardCharsets.UTF_8));
                String declared = JavaPackage.of(text);
                if (!declared.equals(ExerciseRules.STUDENT_PACKAGE)) {
                    leftOut.add(PlainText.inlineCode(name) + " (its package line says "
                            + (declared.isEmpty() ? "nothing" : PlainText.inlineCode(declared)) + ")");
                } else {
                    Path copy = target.resolve(name);
                    Files.writeString(copy, text, StandardCharsets.UTF_8);
                    copies.add(copy);
                }
            }
        }
        if (!leftOut.isEmpty()) {
            notes.add("LEFT OUT of your tests: " + String.join(", ", leftOut) + ". Only the files of package memolab directly "
                    + "in `src/test/java/memolab` are run.");
        }
        return copies;
    }

    /**
     * A test's message with the grader's work folders left out: they are the grader's business,
     * and the student's folder is named after the student, whose measurement others may take.
     */
    private static String hidden(String message, Path work) {
        Path folder = work.toAbsolutePath();
        Path batch = folder.getParent();
        if (message == null) {
            return null;
        }
        String text = message.replace(folder.toString(), "...");
        return batch == null ? text : text.replace(batch.toString(), "...");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /**
     * The runs of one submission's tests: each batch of targets in as few JVMs as it takes,
     * every test's result per target, and each target's coverage.
     */
    private final class Runs {
        private final Path root;
        private final Path classes;
        private final long deadline;
        private int jvms;
        final Map<String, Map<String, Event>> results = new LinkedHashMap<>();
        final Map<String, Event> done = new LinkedHashMap<>();
        /** For a target measured for coverage whose JVM ended during a test: the coverage reached so far, for the next. */
        private final Map<String, String> coveredBefore = new HashMap<>();
        final Set<String> problems = new LinkedHashSet<>();
        /** How long each test took on each target, in nanoseconds, from its "started" to its result as they reached here. */
        final Map<String, Map<String, Long>> durations = new LinkedHashMap<>();

        /** Every cache a plan of this student's may run on: a JVM reads them all at its start, before its wall stands. */
        private List<List<String>> caches;

        Runs(Path root, Path classes, long deadline, List<List<String>> caches) {
            this.root = root;
            this.classes = classes;
            this.deadline = deadline;
            this.caches = caches;
        }

        Map<String, Event> results(String target) {
            return results.getOrDefault(target, Map.of());
        }

        /**
         * Whether {@code result} of {@code target} is a test that ran out of its time: the tests'
         * JVM says so and it took at least {@link #CPU_FLOOR_MILLIS} as seen from here (a
         * test's own {@code TimeoutException} thrown at once is a failure like any other), or
         * this side ended the JVM it hung in.
         */
        boolean ranOutOfTime(String target, Event result) {
            Long nanos = durations.getOrDefault(target, Map.of()).get(result.test());
            return result.timedOut() && (nanos == null ? result.message() != null && result.message().equals(NEVER_RETURNED)
                    : nanos >= TimeUnit.MILLISECONDS.toNanos(CPU_FLOOR_MILLIS));
        }

        /** The tests that passed on every one of the {@code reference} targets, each with its slowest run there (nanoseconds). */
        Map<String, Long> soundTests(List<String> reference) {
            Map<String, Long> sound = null;
            Set<String> failed = new java.util.HashSet<>();
            for (String target : reference) {
                Map<String, Long> passed = new LinkedHashMap<>();
                results(target).values().forEach(e -> {
                    if (e.failed()) {
                        failed.add(e.test());
                    } else {
                        passed.put(e.test(), durations.getOrDefault(target, Map.of()).getOrDefault(e.test(), 0L));
                    }
                });
                if (sound == null) {
                    sound = passed;
                } else {
                    sound.keySet().retainAll(passed.keySet());
                    sound.replaceAll((test, nanos) -> Math.max(nanos, passed.get(test)));
                }
            }
            if (sound == null) {
                return Map.of();
            }
            sound.keySet().removeAll(failed);
            return sound;
        }

        /** The {@code sound} tests of {@code reference}, each with the most steps its cache took on one of them. */
        Map<String, Long> mostSteps(List<String> reference, Set<String> sound) {
            Map<String, Long> steps = new LinkedHashMap<>();
            sound.forEach(test -> steps.put(test, reference.stream()
                    .mapToLong(target -> results(target).get(test).steps()).max().orElse(0)));
            return steps;
        }

        /**
         * Runs {@code targets} to the end, each test concluded once per target, restarting after
         * a test that never returned. Targets whose tests come from the runs of the
         * {@code reference} targets ({@code soundFrom}) learn them in the JVM that ran those; a
         * JVM started afresh is told them from here, once every reference target is done.
         */
        void run(List<Target> targets, List<String> reference) throws IOException {
            List<Target> left = new ArrayList<>(targets);
            // The first JVM of a call with reference targets runs them before those drawn from them, and draws those itself.
            boolean fresh = left.stream().anyMatch(t -> reference.contains(t.id()));
            while (!left.isEmpty()) {
                if (live == null && jvms >= MAX_JVMS || System.nanoTime() >= deadline) {
                    boolean outOfTime = System.nanoTime() >= deadline;
                    problems.add("Your tests ran out of " + (outOfTime ? "time (" + BUDGET_SECONDS + " s in all, each test "
                            + TEST_SECONDS + " s at most)" : "JVMs (" + MAX_JVMS + " in all: each test that outlives its limit "
                            + "ends the JVM it runs in, and the rest go on in a fresh one)") + ": the runs not finished count "
                            + "as if your tests passed there. A test that never ends on a buggy cache still catches it; one "
                            + "that takes long on every cache, or now and then, costs the rest of your tests their chance.");
                    return;
                }
                boolean referencePending = left.stream().anyMatch(t -> reference.contains(t.id()));
                Map<String, Long> sound = fresh || referencePending ? Map.of() : soundTests(reference);
                Map<String, Long> limits = limits(sound);
                Map<String, Long> stepLimits = stepLimits(mostSteps(reference, sound.keySet()));
                List<Target> plan = new ArrayList<>();
                for (Target t : left) {
                    List<String> skip = List.copyOf(results(t.id()).keySet());
                    if (t.soundFrom() == null || fresh) {
                        plan.add(new Target(t.id(), t.classes(), t.only(), skip, t.coverage(), t.failFast(), t.limits(), t.soundFrom()));
                    } else if (!referencePending) {
                        plan.add(new Target(t.id(), t.classes(), List.copyOf(limits.keySet()), skip, t.coverage(), t.failFast(),
                                t.limits() == null ? null : limits, null, t.limits() == null ? null : stepLimits));
                    } // else: it waits for the reference targets to end
                }
                fresh = false;
                String planJson = GSON.toJson(new YourTestsMain.Plan(classes.toAbsolutePath().toString(), plan, TEST_SECONDS,
                        caches, Map.copyOf(coveredBefore)));
                Ended ended = attempt(planJson);
                if (ended.target() != null) {
                    // The JVM ended during a test: silent far past the test's limit, it never returned (a hang, which
                    // a second run would repeat); ended of itself (out of memory, say), it failed there, once, and a
                    // bug it "caught" so must fail it again to count.
                    results.computeIfAbsent(ended.target(), t -> new LinkedHashMap<>()).putIfAbsent(ended.test(),
                            new Event("result", ended.target(), ended.test(), ended.name(), true, ended.hung(),
                                    ended.hung() ? NEVER_RETURNED : "ended the JVM it ran in (out of memory?)", 0, 0));
                }
                // A fail-fast target with a failure needs nothing more (the JVM ended at it, so the rest did not run there).
                left.stream().filter(t -> t.failFast() && results(t.id()).values().stream().anyMatch(Event::failed))
                        .forEach(t -> done.putIfAbsent(t.id(), null));
                left.removeIf(t -> done.containsKey(t.id()));
                if (ended.target() == null && !ended.progressed() && !left.isEmpty()) {
                    done.put(left.get(0).id(), null); // no test concluded: give that target up, to end in bounded time
                    left.remove(0);
                    problems.add("Your tests' JVM ended before any test finished on one of the caches, and not during a "
                            + "test (it did not start, or something ended it between two tests): there your tests count as "
                            + "if they passed. If your tests do nothing of the kind, tell your instructor: the fault is then "
                            + "the grader's.");
                }
            }
        }

        /**
         * How a JVM ended: the target and test it was running if it ended during one (a test cut
         * off by the end of the budget is left as not run), whether that test hung (silent far
         * past its limit) rather than ended the JVM, and whether anything concluded.
         */
        private record Ended(String target, String test, String name, boolean hung, boolean progressed) {
        }

        /**
         * The tests' JVM that finished a plan and waits for the next on its standard input: a
         * further pass runs there rather than in a JVM started afresh.
         */
        private record Live(Process process, ResultChannel channel, LinkedBlockingQueue<Optional<Event>> events,
                            java.io.OutputStream input, java.util.concurrent.atomic.AtomicReference<Runs> owner) {
        }

        private Live live;

        /** The caches a JVM started from now on reads at its start. */
        void reading(List<List<String>> folders) {
            caches = folders;
        }

        /** The JVM that waits for a further plan, if any, taken from these runs: they no longer end it. */
        Live detach() {
            Live taken = live;
            live = null;
            return taken;
        }

        /** Runs the next plan in {@code waiting}, a JVM other runs detached (null: one started afresh). */
        void adopt(Live waiting) {
            if (waiting != null) {
                waiting.owner().set(this); // what it prints from now on is these runs' business
                live = waiting;
            }
        }

        /** Ends the JVM that waits for a further plan, if any. */
        void close() {
            if (live != null) {
                end(live.process());
                live = null;
            }
        }

        private static void end(Process process) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /**
         * Runs the plan in the JVM that waits for one, else in one started afresh, until it ends,
         * goes silent for far longer than a test's limit, or the budget ends; a JVM that
         * finished the plan waits for the next.
         */
        private Ended attempt(String planJson) throws IOException {
            Live child = live;
            live = null;
            if (child != null) {
                try {
                    child.input().write((planJson + "\n").getBytes(StandardCharsets.UTF_8));
                    child.input().flush();
                } catch (IOException gone) { // it ended after all: a fresh one runs the plan
                    end(child.process());
                    child = null;
                }
            }
            if (child == null) {
                Path planFile = root.resolve("plan.json");
                Files.writeString(planFile, planJson, StandardCharsets.UTF_8);
                child = start(planFile);
            }
            return follow(child);
        }

        /** A JVM on the plan in {@code planFile}, its output read as it comes. */
        private Live start(Path planFile) throws IOException {
            jvms++;
            ResultChannel channel = ResultChannel.withNewKey();
            Process process = SuiteRun.startJvm(jvmFlags, root, YourTestsMain.class,
                    List.of(planFile.toAbsolutePath().toString()), channel, true);
            LinkedBlockingQueue<Optional<Event>> events = new LinkedBlockingQueue<>();
            java.util.concurrent.atomic.AtomicReference<Runs> owner = new java.util.concurrent.atomic.AtomicReference<>(this);
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        try {
                            channel.verify(line).ifPresent(json -> events.add(Optional.of(GSON.fromJson(json, Event.class))));
                        } catch (RuntimeException e) {
                            owner.get().problems.add("TAMPERING: your tests printed lines that imitate the grader's result lines; they were "
                                    + "ignored.");
                        }
                    }
                } catch (IOException ignored) {
                    // the JVM is gone; what was read counts
                }
                events.add(Optional.empty());
            }, "memolab-your-tests-reader");
            reader.setDaemon(true);
            reader.start();
            Thread drain = new Thread(() -> {
                try (var err = process.getErrorStream()) {
                    err.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                    // nothing to keep
                }
            }, "memolab-your-tests-stderr");
            drain.setDaemon(true);
            drain.start();
            return new Live(process, channel, events, process.getOutputStream(), owner);
        }

        /** Reads {@code child}'s events for one plan: how it ended; a JVM that finished the plan is kept for the next. */
        private Ended follow(Live child) throws IOException {
            LinkedBlockingQueue<Optional<Event>> events = child.events();
            String[] running = {null, null, null};
            long startedAt = 0;
            boolean finished = false;
            boolean progressed = false;
            boolean tooMany = false;
            boolean hung = false;
            try {
                while (true) {
                    long budgetLeft = deadline - System.nanoTime();
                    long silence = TimeUnit.SECONDS.toNanos(SILENCE_SECONDS);
                    Optional<Event> next = budgetLeft <= 0 ? null : events.poll(Math.min(budgetLeft, silence), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        if (budgetLeft <= 0 || deadline - System.nanoTime() <= 0) {
                            running[0] = null; // the budget ended, not the test: it is not run rather than failed
                        } else {
                            hung = true; // no word for far longer than a test's limit: a test that ignores it
                        }
                        break;
                    }
                    if (next.isEmpty()) {
                        break;
                    }
                    Event event = next.get();
                    switch (event.type()) {
                        case "started" -> {
                            running[0] = event.target();
                            running[1] = event.test();
                            running[2] = event.name();
                            startedAt = System.nanoTime();
                        }
                        case "result", "runaway" -> {
                            Map<String, Event> ofTarget = results.computeIfAbsent(event.target(), t -> new LinkedHashMap<>());
                            if (event.test() != null && event.test().equals(running[1]) && event.target() != null
                                    && event.target().equals(running[0])) {
                                durations.computeIfAbsent(event.target(), t -> new LinkedHashMap<>())
                                        .putIfAbsent(event.test(), System.nanoTime() - startedAt);
                            }
                            running[0] = null;
                            progressed = true;
                            if (ofTarget.size() >= MAX_TESTS && !ofTarget.containsKey(event.test())) {
                                problems.add("Your tests are more than " + MAX_TESTS + " (a test factory or a parameter source "
                                        + "of thousands?): only the first " + MAX_TESTS + " ran. A few dozen tests, each of "
                                        + "one behaviour, catch more than thousands of one kind.");
                                done.putIfAbsent(event.target(), null);
                                tooMany = true;
                            } else {
                                ofTarget.putIfAbsent(event.test(), event);
                            }
                        }
                        case "done" -> {
                            done.put(event.target(), event);
                            progressed = true;
                        }
                        case "finished" -> finished = true;
                        case "covered" -> {
                            if (event.target() != null && event.message() != null) {
                                coveredBefore.put(event.target(), event.message());
                            }
                        }
                        case "unwalled" -> warnUnwalled(event.message());
                        default -> problems.add("unknown event from your tests' run");
                    }
                    if (tooMany) {
                        break; // this target ran all the tests it may: the next goes on in a fresh JVM
                    }
                    if (finished) {
                        break; // the plan ran to its end; the JVM waits for a further one
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running the tests of a submission", e);
            } finally {
                if (finished && !tooMany) {
                    live = child; // it waits for a further plan
                } else {
                    end(child.process());
                }
            }
            return finished ? new Ended(null, null, null, false, true)
                    : new Ended(running[0], running[1], running[2], hung, progressed);
        }
    }
}
