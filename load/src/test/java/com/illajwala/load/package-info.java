/**
 * The load harness: Gatling simulations (Java DSL) that make their own data and
 * measure over the platform's public HTTP API only, run by {@code ./bench/load} (BENCHMARKS.md).
 * Test sources, so that {@code ./mvnw verify} compiles them and runs none.
 */
package com.illajwala.load;
