package io.deltalake4j.benchmarks;

import io.deltalake4j.DeltaLake;
import io.deltalake4j.Row;
import io.deltalake4j.Scan;
import io.deltalake4j.types.ArrayType;
import io.deltalake4j.types.MapType;
import io.deltalake4j.types.PrimitiveType;
import io.deltalake4j.types.StructType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openjdk.jmh.annotations.Param;

/**
 * Full scans into Arrow ({@link ArrowScanBase}) of a table of lists, maps and lists of structs:
 * the column-wise decoder reads their levels straight into Arrow list and map vectors.
 */
public class NestedScanBenchmark extends ArrowScanBase {

  static final StructType ITEM = StructType.builder().add("sku", PrimitiveType.STRING).add("qty", PrimitiveType.INT).build();

  static final StructType SCHEMA = StructType.builder()
      .add("id", PrimitiveType.LONG)
      .add("tags", ArrayType.of(PrimitiveType.STRING))
      .add("scores", MapType.of(PrimitiveType.STRING, PrimitiveType.DOUBLE))
      .add("items", ArrayType.of(ITEM))
      .build();

  @Param({"1000000"})
  public int rows;

  @Override
  protected Scan scan(DeltaLake lake) {
    return lake.table(table(lake, rows)).scan();
  }

  /** The nested table of {@code rows} rows, written once under the benchmarks' table directory. */
  private static String table(DeltaLake lake, int rows) {
    Path table = Path.of(System.getProperty("deltalake4j.bench.dir", "target/tables")).toAbsolutePath()
        .resolve("nested-" + rows);
    if (!Files.isDirectory(table.resolve("_delta_log"))) {
      lake.create(table.toString()).schema(SCHEMA).rows(() -> generate(rows)).commit();
    }
    return table.toString();
  }

  /** Up to four tags of twenty, up to three scores, up to three items; about a tenth of each null. */
  private static Iterator<Row> generate(int rows) {
    Random random = new Random(7);
    return new Iterator<>() {
      private long id;

      @Override
      public boolean hasNext() {
        return id < rows;
      }

      @Override
      public Row next() {
        List<String> tags = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          tags.add("tag-" + random.nextInt(20));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          scores.put("s" + i, random.nextInt(10) == 0 ? null : random.nextDouble());
        }
        List<Row> items = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          items.add(Row.of(ITEM, "sku-" + random.nextInt(1000), random.nextInt(10)));
        }
        return Row.of(SCHEMA, id++, random.nextInt(10) == 0 ? null : tags,
            random.nextInt(10) == 0 ? null : scores, random.nextInt(10) == 0 ? null : items);
      }
    };
  }
}
