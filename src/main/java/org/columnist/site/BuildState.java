package org.columnist.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.AtomicFile;
import org.columnist.Blank;

/**
 * What the last build saw and wrote: the summary of each archive file (by size and time, so an
 * unchanged file is not read again), a fingerprint of the templates and config (a change means a
 * full build), and the hash of every page written (an unchanged page is not written again). Kept as
 * tab-separated lines: read in a fraction of the time JSON would take, which matters for a
 * one-column rebuild of a large archive.
 */
record BuildState(
    String fingerprint,
    Map<String, Summary> sources,
    Map<String, String> outputs,
    Map<String, String> readers) {
  private static final String FORMAT = "columnist-site-build 4";
  private static final String TAGS = "\u001f";

  static BuildState empty() {
    return new BuildState("", Map.of(), Map.of(), Map.of());
  }

  /**
   * The state saved at {@code file}, or an empty one (a full build) if it is missing or unreadable.
   */
  static BuildState load(Path file) {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    Map<String, Summary> sources = new HashMap<>();
    Map<String, String> outputs = new HashMap<>();
    Map<String, String> readers = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!FORMAT.equals(in.readLine())) {
        return empty();
      }
      String fingerprint = in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        if (f[0].equals("s") && f.length == 14) {
          sources.put(
              f[10],
              new Summary(
                  f[1],
                  f[2],
                  Blank.toNull(f[3]),
                  f[4],
                  f[5],
                  list(f[6]),
                  list(f[13]),
                  Blank.toNull(f[7]),
                  Blank.toNull(f[8]),
                  f[9],
                  f[10],
                  Long.parseLong(f[11]),
                  Long.parseLong(f[12])));
        } else if (f[0].equals("o") && f.length == 3) {
          outputs.put(f[1], f[2]);
        } else if (f[0].equals("r") && f.length == 3) {
          readers.put(f[1], f[2]);
        } else {
          return empty();
        }
      }
      return new BuildState(fingerprint, sources, outputs, readers);
    } catch (IOException | RuntimeException e) {
      System.getLogger("site")
          .log(
              System.Logger.Level.WARNING,
              "ignoring unreadable build state " + file + ": " + e.getMessage());
      return empty();
    }
  }

  void save(Path file) {
    StringBuilder out = new StringBuilder(sources.size() * 400 + outputs.size() * 120);
    out.append(FORMAT).append('\n').append(fingerprint).append('\n');
    for (Summary s : sources.values()) {
      out.append("s\t")
          .append(clean(s.title()))
          .append('\t')
          .append(s.date())
          .append('\t')
          .append(nz(s.corrected()))
          .append('\t')
          .append(s.slug())
          .append('\t')
          .append(s.path())
          .append('\t')
          .append(clean(String.join(TAGS, s.tags())))
          .append('\t')
          .append(clean(nz(s.industry())))
          .append('\t')
          .append(clean(nz(s.issue())))
          .append('\t')
          .append(clean(s.excerpt()))
          .append('\t')
          .append(s.source())
          .append('\t')
          .append(s.size())
          .append('\t')
          .append(s.modified())
          .append('\t')
          .append(clean(String.join(TAGS, s.aliases())))
          .append('\n');
    }
    outputs.forEach(
        (path, hash) -> out.append("o\t").append(path).append('\t').append(hash).append('\n'));
    readers.forEach(
        (slug, print) ->
            out.append("r\t").append(slug).append('\t').append(clean(print)).append('\n'));
    // In data/, which is Columnist's alone.
    AtomicFile.write(
        file, out.toString().getBytes(StandardCharsets.UTF_8), false, AtomicFile.Access.OWNER_ONLY);
  }

  // Summaries are one-line texts already; this keeps a stray tab or newline from breaking a row.
  private static String clean(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static List<String> list(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(TAGS, -1));
  }

  private static String nz(String text) {
    return text == null ? "" : text;
  }
}
