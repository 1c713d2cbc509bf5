package org.columnist.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.columnist.Blank;

/**
 * The editor's path and form values, each checked at the edge: an id is a positive number, a field
 * has a length limit, a choice is one of its values. A bad value is a {@link BadInput}.
 */
final class Input {
  /** The longest free-text note (a reason, an override) a form takes. */
  static final int NOTE = 2_000;

  private Input() {}

  /** The path parameter {@code name} as an id. */
  static long id(Context ctx, String name) {
    return number(ctx.pathParam(name), "the " + name + " in the address");
  }

  /** The form field {@code name} as an id or a version number. */
  static long number(Context ctx, String name) {
    return number(required(ctx, name, 20), "'" + name + "'");
  }

  /** The query's page number ({@code ?page=N}), 1 when it has none. */
  static int page(Context ctx) {
    String value = ctx.queryParam("page");
    return value == null || value.isBlank()
        ? 1
        : (int) Math.min(Integer.MAX_VALUE, number(value, "'page'"));
  }

  /** The form's draft version. */
  static int version(Context ctx) {
    return (int) number(required(ctx, "version", 9), "'version'");
  }

  /** The form field {@code name}, stripped; refused when missing, blank or over {@code max}. */
  static String required(Context ctx, String name, int max) {
    String value = optional(ctx, name, max);
    if (value == null) {
      throw new BadInput("Please fill in '" + name + "'.");
    }
    return value;
  }

  /**
   * The form field {@code name}, stripped; null when missing or blank; refused over {@code max}.
   */
  static String optional(Context ctx, String name, int max) {
    String value = ctx.formParam(name);
    if (value != null && value.length() > max) {
      throw new BadInput("'" + name + "' is longer than " + max + " characters.");
    }
    return Blank.toNull(value);
  }

  /** The form field {@code name}, which must be one of {@code choices}. */
  static String choice(Context ctx, String name, List<String> choices) {
    String value = required(ctx, name, 100);
    if (!choices.contains(value)) {
      throw new BadInput("'" + name + "' must be one of " + String.join(", ", choices) + ".");
    }
    return value;
  }

  /** Every form field, by name, with its first value. */
  static Map<String, String> fields(Context ctx) {
    Map<String, String> fields = new HashMap<>();
    ctx.formParamMap().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
    return fields;
  }

  /** A value from outside, short enough for a log line or a message. */
  static String shorten(String value) {
    return shorten(value, 64);
  }

  private static long number(String value, String what) {
    if (value == null || !value.matches("[0-9]{1,18}") || Long.parseLong(value) == 0) {
      throw new BadInput(
          what + " must be a positive whole number, not '" + shorten(value, 40) + "'.");
    }
    return Long.parseLong(value);
  }

  private static String shorten(String value, int max) {
    String v = value == null ? "" : value;
    return v.length() > max ? v.substring(0, max) + "…" : v;
  }
}
