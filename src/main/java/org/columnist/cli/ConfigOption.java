package org.columnist.cli;

import java.nio.file.Path;
import org.columnist.config.Config;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every verb takes, and loading what it names. */
final class ConfigOption {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "The instance's settings (default: ${DEFAULT-VALUE}).",
      defaultValue = "config/columnist.yml")
  Path file;

  Config load() {
    return Config.load(file, System.getenv());
  }
}
