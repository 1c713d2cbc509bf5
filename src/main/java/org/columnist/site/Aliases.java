package org.columnist.site;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.columnist.InvalidFileException;
import org.columnist.Problem;
import org.columnist.archive.Archive;

/**
 * Where the columns' old addresses go among the site's pages: the one rule the build (which writes
 * a redirect only where it may) and {@code columnist check} (which tells the coach of every alias
 * it may not) share. A redirect never takes the place of a page the build makes, of another alias,
 * of a folder a page needs (or a page where one is a folder), of a path the public server answers
 * itself, or of a hidden file (an {@code .htaccess} is configuration to Apache).
 */
public final class Aliases {
  // First segments the public server answers itself (web/PublicServer and its forms).
  private static final Set<String> SERVED =
      Set.of("search", "api", "healthz", "newsletter", "subscribe", "ask", "responses", "votes");

  private Aliases() {}

  /** An alias of {@code column} that has no redirect, and why. */
  record Refused(Summary column, String alias, String reason) {}

  /** The redirects that {@code pages} leave room for, and the aliases refused. */
  record Placement(List<RedirectPage> placed, List<Refused> refused) {}

  /**
   * Places every alias of {@code columns}, in their order (so that of two columns claiming one old
   * address the first in the catalog, the newest, keeps it), around the {@code pages} already made.
   */
  static Placement place(Map<String, PageKind> pages, List<Summary> columns) {
    // Most archives have no alias at all: then there is no need to map what owns each page.
    if (columns.stream().allMatch(s -> s.aliases().isEmpty())) {
      return new Placement(List.of(), List.of());
    }
    Map<String, String> owners = new HashMap<>();
    pages.values().forEach(p -> owners.put(p.path(), owner(p)));
    owners.put(RedirectsFile.PATH, "the site's " + RedirectsFile.PATH);
    Map<String, String> folders = new HashMap<>();
    owners.forEach((file, owner) -> addFolders(folders, file, owner));
    List<RedirectPage> placed = new ArrayList<>();
    List<Refused> refused = new ArrayList<>();
    for (Summary s : columns) {
      for (String alias : s.aliases()) {
        RedirectPage page = new RedirectPage(alias, s);
        Optional<String> why = why(page, owners, folders);
        if (why.isPresent()) {
          refused.add(new Refused(s, alias, "alias '" + alias + "' " + why.get()));
        } else {
          String owner = "an alias of " + s.source();
          owners.put(page.path(), owner);
          addFolders(folders, page.path(), owner);
          placed.add(page);
        }
      }
    }
    return new Placement(placed, refused);
  }

  private static Optional<String> why(
      RedirectPage page, Map<String, String> owners, Map<String, String> folders) {
    String file = page.path();
    String[] segments = file.split("/");
    if (SERVED.contains(segments[0])) {
      return Optional.of("is an address the public server answers itself (/" + segments[0] + ")");
    }
    for (String segment : segments) {
      if (segment.startsWith(".") || segment.isEmpty()) {
        return Optional.of("names a hidden file or folder, which servers do not serve");
      }
    }
    if (owners.containsKey(file)) {
      return Optional.of("is already " + owners.get(file));
    }
    if (folders.containsKey(file)) {
      return Optional.of("would take the place of a folder of " + folders.get(file));
    }
    for (int i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) {
      String folder = file.substring(0, i);
      if (owners.containsKey(folder)) {
        return Optional.of("needs a folder where there is " + owners.get(folder));
      }
    }
    return Optional.empty();
  }

  private static String owner(PageKind page) {
    if (page instanceof ColumnPage c) {
      return "the address of " + c.summary().source();
    }
    return "the site's page /" + page.path();
  }

  private static void addFolders(Map<String, String> folders, String file, String owner) {
    for (int i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) {
      folders.putIfAbsent(file.substring(0, i), owner);
    }
  }

  /**
   * Every alias in {@code archive} that the build would not write, as {@code file:line: reason},
   * the line being the one of {@code aliases:}. Files that cannot be read are left to {@link
   * Archive#check}, which reports them.
   */
  public static List<Problem> problems(Archive archive) {
    List<Summary> summaries = new ArrayList<>();
    for (Archive.Entry entry : archive.entries()) {
      String source = archive.root().relativize(entry.file()).toString();
      try {
        summaries.add(
            Summary.of(archive.read(entry.file()), source, entry.size(), entry.modified()));
      } catch (InvalidFileException e) {
        // Reported by Archive.check.
      }
    }
    Catalog catalog = new Catalog(summaries);
    List<Problem> problems = new ArrayList<>();
    for (Refused r : Pages.place(catalog).refused()) {
      Path file = archive.root().resolve(r.column().source());
      problems.add(new Problem(file, line(file), r.reason()));
    }
    return problems;
  }

  private static int line(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("aliases:")) {
          return i + 1;
        }
      }
      return 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
