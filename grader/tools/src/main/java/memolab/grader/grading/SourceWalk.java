package memolab.grader.grading;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import memolab.grader.score.PlainText;

/**
 * The files under a submission's sources folder, found without opening any of them and
 * without following a link: the regular {@code .java} files to read, and a note for
 * everything else the student should hear of. A link (to a file, a folder, a FIFO or a
 * device) is named with where it pointed and left out; a Java file that is not a regular
 * file is left out unopened (reading a FIFO would wait forever); a folder that cannot be
 * read (no permission, a path longer than the system allows) is named, and the walk goes on.
 *
 * @param javaFiles the regular {@code .java} files, sorted
 * @param notes     what was left out and why, for the report
 * @param flags     the gradebook's flags for it ({@code links left out}, {@code unreadable folders})
 */
record SourceWalk(List<Path> javaFiles, List<String> notes, List<String> flags) {

    /** How many entries a walk looks at before it gives up: far more than any repository's sources folder holds. */
    static final int MAX_ENTRIES = 20_000;

    /**
     * Walks {@code sourcesRoot}, which lies inside {@code root}; a link on the way from
     * {@code root} to it is named and nothing under it is read.
     */
    static SourceWalk of(Path root, Path sourcesRoot) throws IOException {
        List<Path> javaFiles = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> litter = new ArrayList<>();
        Path link = linkOnTheWay(root, sourcesRoot);
        if (link != null) {
            links.add(describeLink(root, link));
        } else {
            int[] entries = {0};
            Files.walkFileTree(sourcesRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (!dir.equals(sourcesRoot) && isLitter(dir.getFileName().toString())) {
                        litter.add(shown(root, dir));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++entries[0] > MAX_ENTRIES) {
                        return FileVisitResult.TERMINATE;
                    }
                    if (isLitter(file.getFileName().toString())) {
                        litter.add(shown(root, file)); // never opened, even when its name ends in .java
                    } else if (attrs.isSymbolicLink()) {
                        links.add(describeLink(root, file));
                    } else if (file.getFileName().toString().endsWith(".java")) {
                        if (attrs.isRegularFile()) {
                            javaFiles.add(file);
                        } else {
                            notes.add(shown(root, file) + " is not a regular file (a FIFO or a device, say); it was left "
                                    + "out unread.");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(shown(root, file) + " (" + reason(e) + ")");
                    return FileVisitResult.CONTINUE;
                }
            });
            if (entries[0] > MAX_ENTRIES) {
                notes.add("The sources folder holds more than " + MAX_ENTRIES + " files and folders; the grader looked at "
                        + "the first " + MAX_ENTRIES + " only. Submit your sources without generated or copied trees.");
            }
        }
        if (!litter.isEmpty()) {
            notes.add("Left out unread, as files an operating system, an archiver or an editor makes beside yours (macOS's "
                    + "._ files and __MACOSX folders, .DS_Store, Thumbs.db, desktop.ini, backups ending in ~, .swp files): "
                    + String.join(", ", litter) + ". They change nothing in your grade.");
        }
        List<String> flags = new ArrayList<>();
        if (!links.isEmpty()) {
            notes.add("LINKS LEFT OUT: the grader never follows a symbolic link in a submission (it could point at "
                    + "another student's files, or at something that never ends). Left out: " + String.join(", ", links)
                    + ". Put the files themselves in exercises/src/main/java/memolab.");
            flags.add("links left out: " + links.size());
        }
        if (!unreadable.isEmpty()) {
            notes.add("FOLDERS THAT COULD NOT BE READ, left out: " + String.join(", ", unreadable) + ".");
            flags.add("unreadable folders: " + unreadable.size());
        }
        javaFiles.sort(null);
        return new SourceWalk(List.copyOf(javaFiles), List.copyOf(notes), List.copyOf(flags));
    }

    /**
     * Whether a file or folder name is one that operating systems, archivers and editors leave
     * beside a student's files: macOS's AppleDouble {@code ._*} files (a copy to a USB stick or
     * some zips make one per file, {@code ._LruCache.java} included, in a binary format) and
     * {@code __MACOSX} folders, {@code .DS_Store}, Windows' {@code Thumbs.db} and
     * {@code desktop.ini}, editors' backups ({@code *~}, {@code #*#}) and swap files
     * ({@code *.swp}, {@code *.swo}).
     */
    static boolean isLitter(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("._") || name.equals("__MACOSX") || name.equals(".DS_Store") || lower.equals("thumbs.db")
                || lower.equals("desktop.ini") || name.endsWith("~") || name.startsWith("#") && name.endsWith("#")
                || lower.endsWith(".swp") || lower.endsWith(".swo");
    }

    /** The first folder from {@code root} down to {@code target} (included) that is a symbolic link, or null. */
    private static Path linkOnTheWay(Path root, Path target) {
        Path at = root;
        for (Path name : root.relativize(target)) {
            at = at.resolve(name);
            if (Files.isSymbolicLink(at)) {
                return at;
            }
        }
        return null;
    }

    /** {@code `memolab/Extra.java` (a link to `/elsewhere/Extra.java`)}. */
    private static String describeLink(Path root, Path link) {
        String target;
        try {
            String to = Files.readSymbolicLink(link).toString();
            target = PlainText.inlineCode(to.length() <= 160 ? to : to.substring(0, 60) + "..." + to.substring(to.length() - 60));
        } catch (IOException | UnsupportedOperationException e) {
            target = "somewhere the grader could not read";
        }
        return shown(root, link) + " (a link to " + target + ")";
    }

    /** A path as the report shows it: relative to the submission, and its middle left out past 160 characters. */
    private static String shown(Path root, Path path) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        return PlainText.inlineCode(relative.length() <= 160 ? relative
                : relative.substring(0, 60) + "..." + relative.substring(relative.length() - 60));
    }

    private static String reason(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String reason = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : message.contains("File name too long") ? "its path is longer than the system allows"
                : e.getClass().getSimpleName() + (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                        ? ": " + fs.getReason() : "");
        return reason;
    }
}
