/**
 * Public facts that one module keeps in its own documents and others need to show: ports, answered
 * by the module that owns the facts, so that modules do not read each other's collections.
 */
package com.illajwala.web.directory;
