package org.columnist.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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

  /**
   * Every file under {@code root}, by its '/'-separated name below it. From the jar, through the
   * jar file the class loader holds open: opening the jar as a file system first reads all of its
   * tens of thousands of entries into an index of its own, most of a build's fingerprint (60 ms).
   */
  static Map<String, byte[]> files(String root) throws IOException {
    URL url = ShippedFolder.class.getResource(root);
    if (url == null) {
      throw new IllegalStateException(root + " is missing from the build");
    }
    if (!(url.openConnection() instanceof JarURLConnection connection)) {
      return read(root, folder -> readAll(folder, new TreeMap<>()));
    }
    JarFile jar = connection.getJarFile(); // the class loader's, shared: not closed here
    String prefix = connection.getEntryName() + "/";
    Map<String, byte[]> files = new TreeMap<>();
    for (JarEntry entry : java.util.Collections.list(jar.entries())) {
      if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
        try (InputStream in = jar.getInputStream(entry)) {
          files.put(entry.getName().substring(prefix.length()), in.readAllBytes());
        }
      }
    }
    return files;
  }

  /** Puts every file under {@code folder} into {@code into} by its '/'-separated name. */
  static Map<String, byte[]> readAll(Path folder, Map<String, byte[]> into) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String name =
            folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        into.put(name, Files.readAllBytes(file));
      }
    }
    return into;
  }

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
