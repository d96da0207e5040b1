/** Row filters: a typed DSL ({@code Filter.col("x").eq(1)}) and a SQL-subset parser. */
package io.deltalake4j.filter;
