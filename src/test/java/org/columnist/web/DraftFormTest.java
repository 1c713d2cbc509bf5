package org.columnist.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.columnist.InvalidFileException;
import org.columnist.column.Column;
import org.columnist.column.Columns;
import org.junit.jupiter.api.Test;

class DraftFormTest {
  @Test
  void aColumnsOldAddressesGoThroughTheFormUnchanged() {
    Column column =
        Columns.aColumn().build().withAliases(List.of("/old/caught.html", "/blog/caught/"));
    Map<String, String> fields = DraftForm.fields(column);
    assertThat(fields.get("aliases")).isEqualTo("/old/caught.html\n/blog/caught/");
    assertThat(DraftForm.column(DraftForm.fieldsOf(fields)).aliases())
        .containsExactly("/old/caught.html", "/blog/caught/");
  }

  @Test
  void blankLinesAndSpacesAroundAnOldAddressAreDropped() {
    Map<String, String> fields = DraftForm.fields(Columns.aColumn().build());
    fields.put("aliases", "  /a.html \r\n\n/b/\n");
    assertThat(DraftForm.column(fields).aliases()).containsExactly("/a.html", "/b/");
  }

  @Test
  void anOldAddressTheArchiveWouldRefuseIsAProblemBesideTheForm() {
    Map<String, String> fields = DraftForm.fields(Columns.aColumn().build());
    fields.put("aliases", "/fine.html\nhttp://elsewhere.example/x\n/../etc/passwd");
    assertThatThrownBy(() -> DraftForm.column(fields))
        .isInstanceOfSatisfying(
            InvalidFileException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.message())
                    .anyMatch(m -> m.startsWith("the old addresses: alias 'http://elsewhere"))
                    .anyMatch(m -> m.startsWith("the old addresses: alias '/../etc/passwd'"))
                    .hasSize(2));
  }
}
