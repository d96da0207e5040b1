package io.deltalake4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.testing.LocalLake;
import io.deltalake4j.testing.ShreddedVariantFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Variant columns scanned into Arrow arrive as the JSON text rows give, in Utf8 vectors, whether
 * the files keep them shredded or not, through every decoding path; each test's allocator must end
 * empty.
 */
@ExtendWith(LocalLake.class)
class TestArrowVariants extends LeakChecked {

  @Test
  void variantsMapToUtf8() {
    io.deltalake4j.types.StructType schema = io.deltalake4j.types.StructType.of(
        new io.deltalake4j.types.StructField("v", io.deltalake4j.types.PrimitiveType.VARIANT, true));

    assertThat(ArrowSchemas.of(schema).getFields().get(0).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
  }

  @Test
  void shreddedVariantsReadAsTheJsonTextRowsGive(@TempDir Path dir, DeltaLake lake) throws Exception {
    Scan scan = lake.table(ShreddedVariantFiles.everyLayout(dir).toString()).scan();

    assertArrowMatchesRows(scan, List.of("v", "n"));
  }

  @Test
  void unshreddedVariantsReadAsTheJsonTextRowsGive(@TempDir Path dir, DeltaLake lake) throws Exception {
    Scan scan = lake.table(ShreddedVariantFiles.unshredded(dir).toString()).scan();

    assertArrowMatchesRows(scan, List.of("v"));
  }

  @Test
  void variantsOfAFilteredProjectedScanReadAsJsonText(@TempDir Path dir, DeltaLake lake) throws Exception {
    Scan scan = lake.table(ShreddedVariantFiles.everyLayout(dir).toString()).scan().where("id >= 2").select("id", "n");

    assertArrowMatchesRows(scan, List.of("n"));
  }

  private void assertArrowMatchesRows(Scan scan, List<String> variants) throws Exception {
    Map<Integer, List<Object>> expected = byId(scan.toList(), variants);
    assertThat(expected).isNotEmpty();
    assertThat(expected.values()).anySatisfy(v -> assertThat(v).doesNotContainNull());
    for (ArrowScan arrow : List.of(ArrowScan.of(scan), ArrowScan.of(scan).batchSize(2), ArrowScan.of(scan).parallelism(2),
        ArrowScan.of(scan).withKernelDecoder())) {
      try (ArrowReader reader = arrow.open(allocator)) {
        assertThat(byId(ArrowRows.readAll(reader, scan.schema()), variants)).isEqualTo(expected);
      }
    }
  }

  private static Map<Integer, List<Object>> byId(List<Row> rows, List<String> variants) {
    Map<Integer, List<Object>> out = new TreeMap<>();
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      for (String v : variants) {
        values.add(r.get(v));
      }
      out.put((Integer) r.get("id"), values);
    }
    return out;
  }
}
