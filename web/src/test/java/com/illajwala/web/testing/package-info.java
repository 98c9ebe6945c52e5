/** Test support other modules' tests share (published in this module's test jar). */
package com.illajwala.web.testing;
