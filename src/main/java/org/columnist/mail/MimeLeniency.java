package org.columnist.mail;

import java.util.Map;

/**
 * Jakarta Mail's switches for reading the broken mail that readers' mailers send (encoded words run
 * into text, unquoted parameters, bad base64, a multipart without its boundary). Jakarta Mail reads
 * these from system properties only, and two of its classes read them once, when they load: so they
 * are set once, at start, before any mail is read or sent — by {@code cli/Main.run}, by the intake
 * benchmark's {@code main} and, for the tests, by one JUnit extension. A value already given with
 * {@code -D} is kept.
 */
public final class MimeLeniency {
  private static final Map<String, String> SWITCHES =
      Map.of(
          "mail.mime.decodetext.strict", "false",
          "mail.mime.parameters.strict", "false",
          "mail.mime.base64.ignoreerrors", "true",
          "mail.mime.ignoreunknownencoding", "true",
          "mail.mime.multipart.ignoremissingboundaryparameter", "true",
          "mail.mime.multipart.allowempty", "true");

  private static volatile boolean installed;

  private MimeLeniency() {}

  /** Sets the switches for this JVM; call it first thing, before anything touches mail. */
  public static void install() {
    SWITCHES.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, value);
          }
        });
    installed = true;
  }

  /** Refuses to read mail strictly by mistake: an entry point that forgot {@link #install}. */
  static void requireInstalled() {
    if (!installed) {
      throw new IllegalStateException(
          "MimeLeniency.install() was not called at start: mail would be read strictly");
    }
  }
}
