package org.columnist.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplatesTest {
  @TempDir Path dir;

  @Test
  void aNewInstanceGetsOnlyTheTemplatesReadmeNotACopyOfTheShippedTemplates() throws IOException {
    InstanceSkeleton.copyTo(dir);

    try (Stream<Path> walk = Files.walk(dir.resolve("templates"))) {
      assertThat(walk.filter(Files::isRegularFile).map(dir.resolve("templates")::relativize))
          .containsExactly(Path.of("README.md"));
    }
  }

  @Test
  void aNewInstanceThatOverridesOneTemplateGetsTheShippedRest() throws IOException {
    InstanceSkeleton.copyTo(dir);
    Path own = dir.resolve("templates/site/robots.ftl");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "User-agent: *\nDisallow: /${site}\n");

    Templates templates = new Templates(dir.resolve("templates"));

    assertThat(templates.render("site/robots.ftl", Map.of("site", "mine")))
        .isEqualTo("User-agent: *\nDisallow: /mine\n");
    assertThat(templates.file("site/style.css")).isEqualTo(shipped("site/style.css"));
    assertThat(templates.file("editor/editor.js")).isEqualTo(shipped("editor/editor.js"));
    assertThat(templates.exists("site/column.ftlh")).isTrue();
    assertThat(templates.exists("mail/ack.ftl")).isTrue();
  }

  @Test
  void anOverrideEditedWhileTheTemplatesAreInUseIsRenderedOnceTheirFingerprintIsTaken()
      throws IOException {
    Path own = dir.resolve("templates/site/robots.ftl");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "Disallow: /old\n");
    Templates templates = new Templates(dir.resolve("templates"));
    String before = templates.fingerprint();
    assertThat(templates.render("site/robots.ftl", Map.of())).isEqualTo("Disallow: /old\n");

    Files.writeString(own, "Disallow: /new\n");

    assertThat(templates.fingerprint()).isNotEqualTo(before);
    assertThat(templates.render("site/robots.ftl", Map.of())).isEqualTo("Disallow: /new\n");
  }

  private static byte[] shipped(String name) throws IOException {
    try (InputStream in = Templates.class.getResourceAsStream("/templates/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
