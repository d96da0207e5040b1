/** Reproducible sample data: the lakehouse's sales dataset, for demos, examples, tests and benchmarks. */
package io.deltalake4j.sample;
