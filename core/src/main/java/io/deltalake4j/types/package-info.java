/** The Delta type model: schemas, fields and column types, independent of Delta Kernel. */
package io.deltalake4j.types;
