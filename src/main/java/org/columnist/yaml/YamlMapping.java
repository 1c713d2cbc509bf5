package org.columnist.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.columnist.Problem;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A strict reader over one YAML mapping: typed getters that record a {@link Problem} (with the
 * key's dotted name and its line) instead of throwing, and a final check that every key present was
 * one the caller asked for. Config files and column front matter both read through it.
 */
public final class YamlMapping {
  // Messages come from our own problems, so one settings object (no per-file label) serves all.
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setMaxAliasesForCollections(20).setCodePointLimit(1 << 20).build();
  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(KB|MB|GB|B)?");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * Where {@code ${VAR}} values and {@code key_file} paths are resolved. Only config files get one;
   * archive files are untrusted and must not read the environment or other files.
   */
  public record Secrets(Map<String, String> env, Path baseDir) {}

  private final Path file;
  private final int lineOffset;
  private final String prefix;
  private final Node node;
  private final Secrets secrets;
  private final List<Problem> problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> asked = new HashSet<>();

  private YamlMapping(
      Path file,
      int lineOffset,
      String prefix,
      MappingNode node,
      Secrets secrets,
      List<Problem> p) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.prefix = prefix;
    this.node = node;
    this.secrets = secrets;
    this.problems = p;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problem(tuple.getKeyNode(), "a key must be plain text");
      } else if (entries.putIfAbsent(key.getValue(), tuple) != null) {
        problem(key, "'" + name(key.getValue()) + "' appears twice");
      }
    }
  }

  /**
   * Parses {@code text} whose first line is line {@code lineOffset + 1} of {@code file}. Returns
   * empty, with a problem recorded, when it is not valid YAML or not a mapping.
   */
  public static Optional<YamlMapping> parse(
      Path file, String text, int lineOffset, Secrets secrets, List<Problem> problems) {
    Node root;
    try {
      Composer composer =
          new Composer(SETTINGS, new ParserImpl(SETTINGS, new StreamReader(SETTINGS, text)));
      root = composer.getSingleNode().orElse(null);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
      problems.add(new Problem(file, line, "not valid YAML: " + e.getProblem()));
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.add(new Problem(file, lineOffset + 1, "not valid YAML: " + e.getMessage()));
      return Optional.empty();
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(new Problem(file, lineOffset + 1, "expected 'key: value' lines"));
      return Optional.empty();
    }
    return Optional.of(new YamlMapping(file, lineOffset, "", mapping, secrets, problems));
  }

  /** The text at {@code key}, or empty when the key is absent or has no value. */
  public Optional<String> text(String key) {
    asked.add(key);
    if (secrets == null) {
      NodeTuple tuple = entries.get(key);
      return tuple == null ? Optional.empty() : scalar(key, tuple.getValueNode());
    }
    asked.add(key + "_file");
    NodeTuple fromFile = entries.get(key + "_file");
    if (fromFile != null) {
      if (entries.containsKey(key)) {
        problem(
            fromFile.getKeyNode(),
            "give either '" + name(key) + "' or '" + name(key + "_file") + "', not both");
        return Optional.empty();
      }
      return scalar(key + "_file", fromFile.getValueNode())
          .flatMap(path -> readFile(key, fromFile, path));
    }
    NodeTuple tuple = entries.get(key);
    return tuple == null
        ? Optional.empty()
        : scalar(key, tuple.getValueNode()).flatMap(v -> expand(key, tuple, v));
  }

  /** Whether {@code key} is present, whatever its value. */
  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The text at {@code key}; records a problem when it is missing. */
  public Optional<String> requiredText(String key) {
    Optional<String> value = text(key);
    if (value.isEmpty() || value.get().isBlank()) {
      NodeTuple tuple = entries.get(key);
      if (tuple == null && (secrets == null || !entries.containsKey(key + "_file"))) {
        problems.add(new Problem(file, line(node), "'" + name(key) + "' is missing"));
      } else if (tuple != null && (value.isPresent() || isNull(tuple.getValueNode()))) {
        problem(tuple.getValueNode(), "'" + name(key) + "' is empty");
      }
    }
    return value.filter(v -> !v.isBlank());
  }

  /**
   * A secret at {@code key}: only from {@code ${ENV_VAR}} or {@code key_file}, never written
   * inline, so config files can be shared and committed.
   */
  public Optional<String> secret(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple != null
        && tuple.getValueNode() instanceof ScalarNode s
        && !isNull(s)
        && !ENV_REFERENCE.matcher(s.getValue()).find()) {
      problem(
          s,
          "'"
              + name(key)
              + "' must not be written in the file: use ${ENV_VAR} or "
              + key
              + "_file: PATH");
      asked.add(key);
      return Optional.empty();
    }
    return text(key);
  }

  /** {@code true} or {@code false} at {@code key}, or {@code otherwise} when absent. */
  public boolean bool(String key, boolean otherwise) {
    return text(key)
        .map(
            v -> {
              if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
              }
              problem(key, "must be true or false, not '" + v + "'");
              return otherwise;
            })
        .orElse(otherwise);
  }

  /** A duration like {@code 500ms}, {@code 60s}, {@code 5m}, {@code 2h} or {@code 7d}. */
  public Duration duration(String key, Duration otherwise) {
    return text(key)
        .map(
            v -> {
              Matcher m = DURATION.matcher(v.strip());
              if (!m.matches()) {
                problem(key, "must be a duration like 60s, 5m, 2h or 7d, not '" + v + "'");
                return otherwise;
              }
              long n = Long.parseLong(m.group(1));
              return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              };
            })
        .orElse(otherwise);
  }

  /** A size in bytes, written as a number or with KB, MB or GB (powers of 1024). */
  public long size(String key, long otherwise) {
    return text(key)
        .map(
            v -> {
              Matcher m = SIZE.matcher(v.strip().toUpperCase(java.util.Locale.ROOT));
              if (!m.matches()) {
                problem(key, "must be a size like 25MB or 500KB, not '" + v + "'");
                return otherwise;
              }
              long n = Long.parseLong(m.group(1));
              return switch (m.group(2) == null ? "B" : m.group(2)) {
                case "KB" -> n << 10;
                case "MB" -> n << 20;
                case "GB" -> n << 30;
                default -> n;
              };
            })
        .orElse(otherwise);
  }

  /** A whole number at {@code key} within [min, max], or empty. */
  public Optional<Integer> integer(String key, int min, int max) {
    return text(key)
        .flatMap(
            v -> {
              // YAML gives numbers as plain scalars; anything else is reported with the value.
              try {
                int n = Integer.parseInt(v.strip());
                if (n >= min && n <= max) {
                  return Optional.of(n);
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              problem(
                  entries.get(key).getValueNode(),
                  "'"
                      + name(key)
                      + "' must be a whole number from "
                      + min
                      + " to "
                      + max
                      + ", not '"
                      + v
                      + "'");
              return Optional.empty();
            });
  }

  /** The nested mapping at {@code key}, or empty when absent (or wrong, with a problem). */
  public Optional<YamlMapping> mapping(String key) {
    asked.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return Optional.empty();
    }
    if (tuple.getValueNode() instanceof MappingNode m) {
      return Optional.of(new YamlMapping(file, lineOffset, name(key) + ".", m, secrets, problems));
    }
    problem(
        tuple.getValueNode(),
        "'"
            + name(key)
            + "' must be a group of 'key: value' lines, not "
            + kind(tuple.getValueNode()));
    return Optional.empty();
  }

  /** The list of texts at {@code key} ({@code [a, b]} or one item per line); empty if absent. */
  public List<String> textList(String key) {
    asked.add(key);
    NodeTuple tuple = entries.get(key);
    if (tuple == null || isNull(tuple.getValueNode())) {
      return List.of();
    }
    if (!(tuple.getValueNode() instanceof SequenceNode seq)) {
      problem(
          tuple.getValueNode(),
          "'" + name(key) + "' must be a list like [a, b], not " + kind(tuple.getValueNode()));
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (Node item : seq.getValue()) {
      scalar(key, item).ifPresent(values::add);
    }
    return values;
  }

  /** Records a problem about the value at {@code key} (which must be present). */
  public void problem(String key, String message) {
    NodeTuple tuple = entries.get(key);
    problem(tuple == null ? node : tuple.getValueNode(), "'" + name(key) + "' " + message);
  }

  /** The line of {@code key} in the file, or of this mapping when the key is absent. */
  public int lineOf(String key) {
    NodeTuple tuple = entries.get(key);
    return line(tuple == null ? node : tuple.getKeyNode());
  }

  /** Records a problem for each key present that no getter asked for. */
  public void rejectUnknownKeys() {
    List<String> known = asked.stream().filter(k -> !k.endsWith("_file")).sorted().toList();
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!asked.contains(e.getKey())) {
        problem(
            e.getValue().getKeyNode(),
            "unknown key '"
                + name(e.getKey())
                + "' (known here: "
                + String.join(", ", known)
                + ")");
      }
    }
  }

  private Optional<String> scalar(String key, Node value) {
    if (isNull(value)) {
      return Optional.empty();
    }
    if (value instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    problem(value, "'" + name(key) + "' must be text, not " + kind(value));
    return Optional.empty();
  }

  private Optional<String> expand(String key, NodeTuple tuple, String value) {
    Matcher m = ENV_REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String env = secrets.env().get(m.group(1));
      if (env == null) {
        problem(
            tuple.getValueNode(),
            "'"
                + name(key)
                + "' refers to the environment variable "
                + m.group(1)
                + ", which is not set");
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(env));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  private Optional<String> readFile(String key, NodeTuple tuple, String path) {
    Path resolved = secrets.baseDir().resolve(path);
    try {
      return Optional.of(Files.readString(resolved, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      problem(
          tuple.getValueNode(),
          "'"
              + name(key + "_file")
              + "': cannot read "
              + resolved
              + " ("
              + e.getClass().getSimpleName()
              + ")");
      return Optional.empty();
    }
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  private static String kind(Node n) {
    return switch (n.getNodeType()) {
      case MAPPING -> "a group of keys";
      case SEQUENCE -> "a list";
      case SCALAR, ANCHOR -> "text";
    };
  }

  private String name(String key) {
    return prefix + key;
  }

  private int line(Node n) {
    return n.getStartMark().map(m -> m.getLine() + 1 + lineOffset).orElse(lineOffset + 1);
  }

  private void problem(Node at, String message) {
    problems.add(new Problem(file, line(at), message));
  }
}
