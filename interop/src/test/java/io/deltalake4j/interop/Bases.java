package io.deltalake4j.interop;

import io.deltalake4j.testing.Storages;

/**
 * Where the reference tables of a storage live: a local directory that lives as long as the Spark
 * session, or a directory on the in-process HDFS of core's {@link Storages}. Test classes that use
 * {@code hdfs} register both {@code SparkFixture} and {@code Storages}.
 */
final class Bases {
  static final String LOCAL = "local";
  static final String HDFS = "hdfs";

  private Bases() {}

  static String of(String storage) {
    return switch (storage) {
      case LOCAL -> SparkFixture.localTablesBase();
      case HDFS -> Storages.hdfs().root() + "/spark";
      default -> throw new IllegalArgumentException("Unknown storage: " + storage);
    };
  }
}
