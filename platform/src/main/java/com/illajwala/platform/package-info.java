/**
 * The all-in-one application: every module in one JVM on one port, on the infrastructure the
 * infrastructure library resolves (embedded by default), serving the built single-page apps.
 */
package com.illajwala.platform;
