package org.columnist.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into the build. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties props = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("/columnist-version.properties")) {
      if (in != null) {
        props.load(in);
      }
    }
    return new String[] {"columnist " + props.getProperty("version", "unknown")};
  }
}
