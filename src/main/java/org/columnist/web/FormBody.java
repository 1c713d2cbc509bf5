package org.columnist.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A public form's fields, read once from at most {@link #MAX} bytes of the body and parsed here: a
 * chunked body has no Content-Length to check first, so it is never read whole, and Javalin's own
 * form parsing (which would read the body again, or throw on a broken multipart) is not used.
 */
final class FormBody {
  /**
   * A form's fields fit in this; more is not a person filling in a form. The longest is a
   * response's 4,000 characters, each up to 9 bytes once encoded (3 bytes of UTF-8, each %XX).
   */
  static final int MAX = 40_000;

  private static final String URLENCODED = "application/x-www-form-urlencoded";

  private FormBody() {}

  /** What reading the body gave: its fields, or why it cannot be a form's. */
  sealed interface Read permits Fields, Refused {}

  /** The fields by name; the first of a repeated name counts. */
  record Fields(Map<String, String> values) implements Read {
    String get(String name) {
      return values.get(name);
    }
  }

  /** The status and the words for the page. */
  record Refused(HttpStatus status, String message) implements Read {}

  static Read of(Context ctx) {
    Refused tooLarge =
        new Refused(
            HttpStatus.CONTENT_TOO_LARGE,
            "That was more than a form sends; please use the form on the site.");
    if (ctx.contentLength() > MAX) {
      return tooLarge;
    }
    byte[] bytes;
    try {
      InputStream in = ctx.req().getInputStream();
      bytes = in.readNBytes(MAX + 1);
    } catch (IOException | RuntimeException e) {
      return broken();
    }
    if (bytes.length > MAX) {
      return tooLarge;
    }
    if (bytes.length == 0) {
      return new Fields(Map.of());
    }
    String type = ctx.contentType() == null ? "" : ctx.contentType();
    if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(URLENCODED)) {
      return broken();
    }
    return parse(new String(bytes, StandardCharsets.UTF_8));
  }

  private static Read parse(String body) {
    Map<String, String> fields = new HashMap<>();
    try {
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      return broken();
    }
    return new Fields(fields);
  }

  private static Refused broken() {
    return new Refused(
        HttpStatus.BAD_REQUEST,
        "That did not come from the form on the site, or it was cut short on the way. Please fill in the form again.");
  }
}
