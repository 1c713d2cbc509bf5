package org.columnist.site;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.columnist.AtomicFile;
import org.columnist.Blank;
import org.columnist.ColumnistException;

/**
 * What the last build saw and wrote: the summary of each archive file (by size and time, so an
 * unchanged file is not read again), a fingerprint of the templates and config (a change means a
 * full build), and the hash of every page written (an unchanged page is not written again). Kept as
 * tab-separated lines: read in a fraction of the time JSON would take, which matters for a
 * one-column rebuild of a large archive. A server appends to the file what each of its builds
 * changed rather than writing it all again; each save or append ends with a line {@code .}, and a
 * loader applies only what such a line ends, so an append cut short (a kill) leaves the state
 * before it, as a kill before a save does.
 */
record BuildState(
    String fingerprint,
    Map<String, Summary> sources,
    Map<String, String> outputs,
    Map<String, String> readers) {
  private static final String FORMAT = "columnist-site-build 4";
  private static final String OLDER = "columnist-site-build 3";
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
      String format = in.readLine();
      // The release before wrote each state whole, with no line ending it.
      boolean whole = OLDER.equals(format);
      if (!whole && !FORMAT.equals(format)) {
        return empty();
      }
      String fingerprint = in.readLine();
      List<Runnable> block = new ArrayList<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.equals(".")) {
          block.forEach(Runnable::run);
          block.clear();
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f[0].equals("s") && f.length == 14) {
          Summary s = summary(f);
          block.add(() -> sources.put(s.source(), s));
        } else if (f[0].equals("o") && f.length == 3) {
          block.add(() -> outputs.put(f[1], f[2]));
        } else if (f[0].equals("r") && f.length == 3) {
          block.add(() -> readers.put(f[1], f[2]));
        } else if (f[0].equals("-s") && f.length == 2) {
          block.add(() -> sources.remove(f[1]));
        } else if (f[0].equals("-o") && f.length == 2) {
          block.add(() -> outputs.remove(f[1]));
        } else if (f[0].equals("-r") && f.length == 2) {
          block.add(() -> readers.remove(f[1]));
        } else if (whole) {
          return empty(); // the older format has no appends: the file is damaged
        } else {
          // An append cut short, or worse: what came before it is still a state a build saved,
          // and pages it does not know are compared with the files on disk.
          System.getLogger("site")
              .log(
                  System.Logger.Level.WARNING,
                  "ignoring the end of the build state " + file + ", from a line it cannot read");
          break;
        }
      }
      if (whole) {
        block.forEach(Runnable::run);
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

  private static Summary summary(String[] f) {
    return new Summary(
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
        Long.parseLong(f[12]));
  }

  /** Writes the whole state to {@code file}, atomically; returns the bytes written. */
  int save(Path file) {
    List<Consumer<StringBuilder>> parts = new ArrayList<>();
    parts.add(out -> out.append(FORMAT).append('\n').append(fingerprint).append('\n'));
    List<Summary> summaries = List.copyOf(sources.values());
    int quarter = Math.max(1, (summaries.size() + 3) / 4);
    for (int from = 0; from < summaries.size(); from += quarter) {
      List<Summary> some = summaries.subList(from, Math.min(summaries.size(), from + quarter));
      parts.add(out -> some.forEach(s -> source(out, s)));
    }
    parts.add(out -> outputs.forEach((path, hash) -> output(out, path, hash)));
    parts.add(out -> readers.forEach((slug, print) -> reader(out, slug, print)));
    parts.add(out -> out.append(".\n"));
    // Each part made and encoded on its own, on every core: built as one text, a large archive's
    // state was the longest step at the end of a full build (70 ms on 10,000 columns).
    List<byte[]> encoded =
        parts.parallelStream()
            .map(
                part -> {
                  StringBuilder out = new StringBuilder();
                  part.accept(out);
                  return out.toString().getBytes(StandardCharsets.UTF_8);
                })
            .toList();
    byte[] bytes = new byte[encoded.stream().mapToInt(part -> part.length).sum()];
    int at = 0;
    for (byte[] part : encoded) {
      System.arraycopy(part, 0, bytes, at, part.length);
      at += part.length;
    }
    // In data/, which is Columnist's alone.
    AtomicFile.write(file, bytes, false, AtomicFile.Access.OWNER_ONLY);
    return bytes.length;
  }

  /**
   * Appends to {@code file}, which holds {@code before} (of the same fingerprint), what this state
   * changes of it; returns the bytes appended.
   */
  int appendTo(Path file, BuildState before) {
    StringBuilder out = new StringBuilder();
    changes(before.sources, sources, (k, s) -> source(out, s), k -> removal(out, "-s", k));
    changes(before.outputs, outputs, (k, h) -> output(out, k, h), k -> removal(out, "-o", k));
    changes(before.readers, readers, (k, p) -> reader(out, k, p), k -> removal(out, "-r", k));
    byte[] bytes = out.append(".\n").toString().getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new ColumnistException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return bytes.length;
  }

  private static <V> void changes(
      Map<String, V> before,
      Map<String, V> now,
      BiConsumer<String, V> changed,
      Consumer<String> removed) {
    now.forEach(
        (key, value) -> {
          if (!Objects.equals(before.get(key), value)) {
            changed.accept(key, value);
          }
        });
    before.keySet().stream().filter(key -> !now.containsKey(key)).forEach(removed);
  }

  private static void source(StringBuilder out, Summary s) {
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

  private static void output(StringBuilder out, String path, String hash) {
    out.append("o\t").append(path).append('\t').append(hash).append('\n');
  }

  private static void reader(StringBuilder out, String slug, String print) {
    out.append("r\t").append(slug).append('\t').append(clean(print)).append('\n');
  }

  private static void removal(StringBuilder out, String kind, String key) {
    out.append(kind).append('\t').append(key).append('\n');
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
