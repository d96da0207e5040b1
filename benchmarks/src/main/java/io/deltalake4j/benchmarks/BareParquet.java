package io.deltalake4j.benchmarks;

import io.deltalake4j.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The baseline for writes: the same sales rows written as plain Parquet files with parquet-mr's
 * example writer (zstd, as the library writes), without Delta: no log, no statistics collection
 * beyond Parquet's own, no commit. One file per partition when partitioned (the partition columns
 * are left out of the files, as Delta leaves them out), else one file. The example writer's
 * {@code Group} records are a slow record model, so this is a reference point, not a lower bound.
 * Files are written with {@code java.nio} (parquet-mr's {@code LocalOutputFile}), as the library
 * writes local files, but not synced.
 */
final class BareParquet {
  private static final MessageType DATA = MessageTypeParser.parseMessageType("message sales {"
      + " optional int64 transaction_id; optional binary product (STRING); optional int32 quantity;"
      + " optional int64 price (DECIMAL(10,2)); optional int32 sale_date (DATE); }");
  private static final MessageType ALL = MessageTypeParser.parseMessageType("message sales {"
      + " optional int64 transaction_id; optional binary product (STRING); optional int32 quantity;"
      + " optional int64 price (DECIMAL(10,2)); optional binary region (STRING); optional int32 sale_date (DATE);"
      + " optional int32 year; optional int32 month; }");

  private static final Configuration CONF = new Configuration();

  private BareParquet() {}

  /** Writes the rows under {@code dir}; returns the files written. */
  static int write(List<Row> rows, Path dir, boolean partitioned) {
    MessageType schema = partitioned ? DATA : ALL;
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    Map<String, ParquetWriter<Group>> writers = new LinkedHashMap<>();
    try {
      for (Row r : rows) {
        String partition = partitioned
            ? "region=" + r.getString("region") + "/year=" + r.getInt("year") + "/month=" + r.getInt("month") : "";
        ParquetWriter<Group> writer = writers.get(partition);
        if (writer == null) {
          Path file = dir.resolve(partition).resolve("part-" + writers.size() + ".zstd.parquet");
          Files.createDirectories(file.getParent());
          writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
              .withType(schema).withConf(CONF).withCompressionCodec(CompressionCodecName.ZSTD).build();
          writers.put(partition, writer);
        }
        Group g = groups.newGroup()
            .append("transaction_id", r.getLong("transaction_id"))
            .append("product", r.getString("product"))
            .append("quantity", r.getInt("quantity"))
            .append("price", unscaled(r.getDecimal("price")));
        if (!partitioned) {
          g.append("region", r.getString("region"));
        }
        g.append("sale_date", (int) r.getDate("sale_date").toEpochDay());
        if (!partitioned) {
          g.append("year", r.getInt("year")).append("month", r.getInt("month"));
        }
        writer.write(g);
      }
      return writers.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      for (ParquetWriter<Group> w : writers.values()) {
        try {
          w.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  private static long unscaled(BigDecimal price) {
    return price.unscaledValue().longValueExact();
  }
}
