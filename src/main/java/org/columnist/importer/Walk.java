package org.columnist.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files an import reads, from the paths a coach named: folders recursively in name order (a
 * re-run meets the inputs in the same order, so slugs come out the same), without hidden files,
 * links, or the folder of assets a browser saves beside a page ("complete" saves: {@code X_files/}
 * next to {@code X.html}). In a folder, a file of no known format is only counted; named on the
 * command line, it is refused with the reason.
 */
final class Walk {
  /** Browsers name a page's assets folder after the page, with a suffix in the user's language. */
  private static final List<String> ASSET_SUFFIXES =
      List.of("_files", "-dateien", "_archivos", "_fichiers", "-bestanden", "_file");

  private final List<Path> files = new ArrayList<>();
  private final List<Note> refused = new ArrayList<>();
  private int ignored;

  private Walk() {}

  /** Walks {@code inputs} in the order given. */
  static Walk of(List<Path> inputs) {
    Walk walk = new Walk();
    for (Path input : inputs) {
      walk.named(input);
    }
    return walk;
  }

  /** The files to read, in order. */
  List<Path> files() {
    return files;
  }

  /** The named paths that cannot be read at all: missing, or of no known format. */
  List<Note> refused() {
    return refused;
  }

  /** Files in the folders walked that are of no format the importer reads. */
  int ignored() {
    return ignored;
  }

  private void named(Path input) {
    if (Files.isDirectory(input, LinkOption.NOFOLLOW_LINKS)) {
      folder(input);
    } else if (Files.isSymbolicLink(input)) {
      refused.add(new Note(input, 0, "is a link; name the file it points to"));
    } else if (!Files.isRegularFile(input)) {
      refused.add(new Note(input, 0, "no such file or folder"));
    } else if (Format.of(input).isEmpty()) {
      refused.add(
          new Note(
              input,
              0,
              "is not a kind of file columnist import reads; 'columnist import --help' lists them"));
    } else {
      files.add(input);
    }
  }

  private void folder(Path folder) {
    List<Path> children;
    try (Stream<Path> list = Files.list(folder)) {
      children = list.sorted().toList();
    } catch (IOException e) {
      refused.add(new Note(folder, 0, "cannot list this folder: " + e.getMessage()));
      return;
    }
    for (Path child : children) {
      if (child.getFileName().toString().startsWith(".") || Files.isSymbolicLink(child)) {
        continue;
      }
      if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
        if (!isAssetsOfSavedPage(child)) {
          folder(child);
        }
      } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)
          && Format.of(child).isPresent()) {
        files.add(child);
      } else {
        ignored++;
      }
    }
  }

  private static boolean isAssetsOfSavedPage(Path folder) {
    String name = folder.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String suffix : ASSET_SUFFIXES) {
      if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
        String page = name.substring(0, name.length() - suffix.length());
        for (String extension : List.of(".html", ".htm")) {
          if (Files.exists(folder.resolveSibling(page + extension))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
