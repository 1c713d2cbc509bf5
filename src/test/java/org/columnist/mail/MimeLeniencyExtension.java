package org.columnist.mail;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Does for every test class what {@code cli/Main} does at start: reading mail needs {@link
 * MimeLeniency} set before Jakarta Mail's classes load. Registered for all tests through {@code
 * META-INF/services} and {@code junit-platform.properties}.
 */
public final class MimeLeniencyExtension implements BeforeAllCallback {
  @Override
  public void beforeAll(ExtensionContext context) {
    MimeLeniency.install();
  }
}
