package org.columnist.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibraryTest {
  @TempDir Path dir;
  private final String before = System.getProperty("org.sqlite.lib.path");

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty("org.sqlite.lib.path");
    } else {
      System.setProperty("org.sqlite.lib.path", before);
    }
  }

  @Test
  void sqlitesLibraryIsExtractedOnceIntoTheFolderAndTheCopyItFindsBrokenIsMadeAgain()
      throws Exception {
    System.clearProperty("org.sqlite.lib.path");
    Path file = NativeLibrary.keepIn(dir);
    assertThat(file).isNotNull().startsWith(dir.resolve("native"));
    assertThat(file.getFileName().toString()).isEqualTo(LibraryLoaderUtil.getNativeLibName());
    byte[] fromJar;
    try (var in =
        getClass()
            .getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath()
                    + "/"
                    + LibraryLoaderUtil.getNativeLibName())) {
      fromJar = in.readAllBytes();
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(fromJar);
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(file.getParent().toString());
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");

    // Kept: the next start finds it and writes nothing.
    Object inode = Files.getAttribute(file, "unix:ino");
    System.clearProperty("org.sqlite.lib.path");
    assertThat(NativeLibrary.keepIn(dir)).isEqualTo(file);
    assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);

    // Cut short (a full disk, say): made again whole.
    Files.write(file, new byte[] {1, 2, 3});
    System.clearProperty("org.sqlite.lib.path");
    assertThat(NativeLibrary.keepIn(dir)).isEqualTo(file);
    assertThat(Files.readAllBytes(file)).isEqualTo(fromJar);
    try (var left = Files.list(file.getParent())) {
      assertThat(left).containsExactly(file);
    }
  }

  @Test
  void aLibraryPathSetByTheOperatorIsLeftAsItIs() {
    System.setProperty("org.sqlite.lib.path", "/opt/sqlite");
    assertThat(NativeLibrary.keepIn(dir)).isNull();
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/opt/sqlite");
    assertThat(dir.resolve("native")).doesNotExist();
  }
}
