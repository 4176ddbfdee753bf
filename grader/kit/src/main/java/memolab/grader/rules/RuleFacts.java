package memolab.grader.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the rules of the exercise find in a submission's compiled classes, computed once.
 *
 * <p>Final grading computes these in the grader's own JVM, where the safety gate has just
 * read the same classes, and hands them to the suite's JVM in a file
 * ({@code -Dmemolab.ruleFacts}): the rules tests then read the facts instead of importing the
 * classes again with ArchUnit, which took about two seconds of every fresh JVM. A student's
 * own run, without the property, computes them in place, with the same code.
 *
 * @param shortcut         the shortcut rule's violations, in any student class
 * @param safety           each safety rule's name and its violations (empty if kept)
 * @param stubMessage      why the rules earn nothing yet (a class is missing or still a stub), or empty
 * @param fibonacciUsesLruCache whether {@code Fibonacci}'s code refers to {@code LruCache} at all
 * @param beyondContract   where {@code Fibonacci}, or a class of the student's it uses, uses
 *                         {@code LruCache} other than through the contract's constructor and
 *                         methods (see {@link #beyondContract(JavaClasses)})
 */
public record RuleFacts(List<String> shortcut, Map<String, List<String>> safety,
        String stubMessage, boolean fibonacciUsesLruCache, List<String> beyondContract) {

    /** The system property that names the file of facts in a grading run. */
    public static final String PROPERTY = "memolab.ruleFacts";

    private static final String[] WRITTEN = {"memolab.LruCache", "memolab.Fibonacci"};

    /** The facts of {@code classes} (the student's, as {@link ExerciseRules#importStudentClasses} reads them). */
    public static RuleFacts of(JavaClasses classes) {
        Map<String, List<String>> safety = new LinkedHashMap<>();
        for (ExerciseRules.Rule rule : ExerciseRules.SAFETY) {
            safety.put(rule.name(), rule.violations(classes));
        }
        boolean fibonacciUsesCache = classes.contain("memolab.Fibonacci") && classes.get("memolab.Fibonacci")
                .getDirectDependenciesFromSelf().stream().anyMatch(d -> d.getTargetClass().getName().equals("memolab.LruCache"));
        return new RuleFacts(ExerciseRules.SHORTCUT.violations(classes), safety, stubMessage(classes), fibonacciUsesCache,
                beyondContract(classes));
    }

    private static final String CACHE = "memolab.LruCache";

    /** LruCache's members in the contract (the stub's), as {@code name(parameter types)}, and Object's that it may override. */
    private static final Set<String> CONTRACT = java.util.stream.Stream.concat(ExerciseRules.API_MEMBERS.get(CACHE).stream(),
            java.util.stream.Stream.of("toString()", "hashCode()", "equals(java.lang.Object)")).collect(Collectors.toUnmodifiableSet());

    /**
     * Where {@code Fibonacci}, its nested classes and the student's classes it uses (not
     * {@code LruCache}'s own) use {@code LruCache} beyond the contract: a member the stub does
     * not declare (a counter's field, a helper method, another constructor), a class nested in
     * it, a subclass of it, or an interface of the student's that it implements. Final grading
     * runs {@code Fibonacci} on the course's own {@code LruCache}, which has the contract's
     * members and no others, so the memo rule asks for this in the student's own run too.
     */
    static List<String> beyondContract(JavaClasses classes) {
        List<String> found = new ArrayList<>();
        if (!classes.contain(CACHE) || !classes.contain("memolab.Fibonacci")) {
            return found;
        }
        JavaClass cache = classes.get(CACHE);
        Set<String> cacheTypes = new HashSet<>();
        cache.getAllRawInterfaces().forEach(t -> cacheTypes.add(t.getName()));
        cache.getAllRawSuperclasses().forEach(t -> cacheTypes.add(t.getName()));
        cacheTypes.removeIf(name -> !ExerciseRules.isStudentClass(name));
        Deque<JavaClass> todo = new ArrayDeque<>(List.of(classes.get("memolab.Fibonacci")));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            JavaClass type = todo.pop();
            if (!seen.add(type.getName())) {
                continue;
            }
            if (type.getRawSuperclass().map(s -> s.getName().equals(CACHE)).orElse(false)) {
                found.add(type.getSimpleName() + " extends LruCache");
            }
            for (var access : type.getAccessesFromSelf()) {
                String owner = access.getTargetOwner().getName();
                String member = ExerciseRules.memberName(access);
                boolean beyond = owner.equals(CACHE) ? !CONTRACT.contains(member)
                        : owner.startsWith(CACHE + "$") || cacheTypes.contains(owner);
                if (beyond) {
                    found.add(access.getDescription());
                }
            }
            for (var dependency : type.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getName();
                if (ExerciseRules.isStudentClass(target) && !target.equals(CACHE) && !target.startsWith(CACHE + "$")
                        && classes.contain(target)) {
                    todo.push(classes.get(target));
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Why the rules earn no points yet: the untouched stubs break no rule, so the rules count
     * only once {@code LruCache} and {@code Fibonacci} are written, their constructors no
     * longer throwing the stub's UnsupportedOperationException.
     */
    private static String stubMessage(JavaClasses classes) {
        for (String name : WRITTEN) {
            if (!classes.contain(name)) {
                return "The class " + name + " was not found among your classes.";
            }
            JavaClass type = classes.get(name);
            for (JavaConstructor constructor : type.getConstructors()) {
                boolean stub = constructor.getConstructorCallsFromSelf().stream()
                        .anyMatch(call -> call.getTargetOwner().isEquivalentTo(UnsupportedOperationException.class));
                if (stub) {
                    return "No points for the rules yet: the constructor of " + type.getSimpleName()
                            + " is still the stub (it throws UnsupportedOperationException). The rules are checked once "
                            + "both LruCache and Fibonacci have constructors of their own: write " + type.getSimpleName()
                            + "'s.";
                }
            }
        }
        return "";
    }

    /** The violations of the named safety rule. */
    public List<String> safety(String ruleName) {
        List<String> where = safety.get(ruleName);
        if (where == null) {
            throw new IllegalArgumentException("no safety rule named " + ruleName);
        }
        return where;
    }

    /** Writes the facts, one per line ({@code key<TAB>value}, line breaks in a value escaped). */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        line(text, "stub", stubMessage);
        line(text, "fibonacciUsesLruCache", Boolean.toString(fibonacciUsesLruCache));
        beyondContract.forEach(v -> line(text, "beyondContract", v));
        shortcut.forEach(v -> line(text, "shortcut", v));
        safety.forEach((rule, where) -> {
            line(text, "safetyRule", rule);
            where.forEach(v -> line(text, "safety:" + rule, v));
        });
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote. */
    public static RuleFacts read(Path file) throws IOException {
        String stub = "";
        boolean fibonacciUsesCache = false;
        List<String> shortcut = new ArrayList<>();
        List<String> beyondContract = new ArrayList<>();
        Map<String, List<String>> safety = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            String key = line.substring(0, tab);
            String value = unescape(line.substring(tab + 1));
            switch (key) {
                case "stub" -> stub = value;
                case "fibonacciUsesLruCache" -> fibonacciUsesCache = Boolean.parseBoolean(value);
                case "shortcut" -> shortcut.add(value);
                case "beyondContract" -> beyondContract.add(value);
                case "safetyRule" -> safety.put(value, new ArrayList<>());
                default -> {
                    if (key.startsWith("safety:")) {
                        safety.computeIfAbsent(key.substring("safety:".length()), k -> new ArrayList<>()).add(value);
                    }
                }
            }
        }
        return new RuleFacts(shortcut, safety, stub, fibonacciUsesCache, beyondContract);
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('\t').append(value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "")).append('\n');
    }
}
