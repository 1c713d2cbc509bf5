package org.columnist.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder shipped on the classpath ({@code /instance}, {@code /templates}) as a {@link Path}, both
 * from the built jar and from a development build's classes folder.
 */
final class ShippedFolder {
  /** What is done with the folder while it is open. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Path folder) throws IOException;
  }

  private ShippedFolder() {}

  static <T> T read(String root, Reader<T> reader) throws IOException {
    URL url = ShippedFolder.class.getResource(root);
    if (url == null) {
      throw new IllegalStateException(root + " is missing from the build");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return reader.read(Path.of(uri));
      }
      FileSystem jar;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
      } catch (FileSystemAlreadyExistsException e) {
        // Another reader has the jar open: share it, and leave closing it to that one.
        return reader.read(FileSystems.getFileSystem(uri).getPath(root));
      }
      try (jar) {
        return reader.read(jar.getPath(root));
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + root + " in the build", e);
    }
  }
}
