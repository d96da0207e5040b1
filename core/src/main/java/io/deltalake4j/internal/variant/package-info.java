/** The Variant binary encoding (Parquet's VariantEncoding.md), decoded to JSON text as Spark's to_json prints it. */
package io.deltalake4j.internal.variant;
