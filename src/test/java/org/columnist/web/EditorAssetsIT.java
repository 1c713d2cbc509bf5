package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EditorAssetsIT {
  @RegisterExtension final EditorInstance instance = new EditorInstance();

  @Test
  void theScriptAndTheStylesheetAreServedAsWrittenNotRenderedAsTemplates() throws Exception {
    // A template literal in a script: rendered by Freemarker it was an error, not the script.
    String js = "const line = `saved ${version}`;\n";
    String css = "a::after { content: '${x}'; }\n";
    Path own = instance.dir.resolve("templates/editor");
    Files.createDirectories(own);
    Files.writeString(own.resolve("editor.js"), js);
    Files.writeString(own.resolve("editor.css"), css);

    HttpResponse<String> script =
        instance.send(EditorInstance.client(), "GET", "/editor.js", Map.of());
    HttpResponse<String> style =
        instance.send(EditorInstance.client(), "GET", "/editor.css", Map.of());

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).isEqualTo(js);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.body()).isEqualTo(css);
  }
}
