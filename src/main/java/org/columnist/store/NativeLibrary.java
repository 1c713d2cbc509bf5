package org.columnist.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.columnist.AtomicFile;
import org.columnist.ColumnistException;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, kept in the instance's owner-only {@code data/} folder once for each
 * build of it: by itself, sqlite-jdbc extracts it from the jar into the temporary folder at every
 * start and reads it back to check it, 40 ms of every command. The file is named by the jar entry's
 * CRC and size, so another sqlite-jdbc gets a file of its own, and it is checked against that CRC
 * as it is written. Where anything fails, sqlite-jdbc is left to do as it does.
 */
final class NativeLibrary {
  private static final System.Logger LOG = System.getLogger("store");
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private NativeLibrary() {}

  /**
   * Points sqlite-jdbc at its library in {@code dir}, extracting it there if it is not yet; must
   * come before the process's first connection. Returns the file, or null when left to sqlite-jdbc
   * (already pointed elsewhere, a platform it has no library for, or a folder it cannot write).
   */
  static synchronized Path keepIn(Path dir) {
    if (System.getProperty(PATH) != null) {
      return null;
    }
    String name = LibraryLoaderUtil.getNativeLibName();
    URL resource =
        NativeLibrary.class.getResource(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name);
    if (resource == null) {
      return null;
    }
    try {
      if (!(resource.openConnection() instanceof JarURLConnection jar)) {
        return null;
      }
      JarEntry entry = jar.getJarEntry();
      Path folder =
          dir.resolve("native")
              .resolve("sqlite-" + Long.toHexString(entry.getCrc()) + "-" + entry.getSize());
      Path file = folder.resolve(name);
      if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
        extract(resource, entry, file);
      }
      System.setProperty(PATH, folder.toString());
      System.setProperty(NAME, name);
      return file;
    } catch (IOException | UncheckedIOException | ColumnistException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "SQLite's library is not kept in " + dir + ": " + e.getMessage());
      return null;
    }
  }

  private static void extract(URL resource, JarEntry entry, Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = resource.openStream()) {
      bytes = in.readAllBytes();
    }
    CRC32 crc = new CRC32();
    crc.update(bytes);
    if (bytes.length != entry.getSize() || crc.getValue() != entry.getCrc()) {
      throw new IOException("the library read from the jar is not the one it lists");
    }
    // Another process may put the same file there meanwhile: it holds the same bytes.
    AtomicFile.write(file, bytes, false, AtomicFile.Access.OWNER_ONLY);
  }
}
