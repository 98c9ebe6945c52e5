package com.illajwala.web;

import org.springframework.boot.SpringBootConfiguration;

/** The configuration slice tests of this module start from. */
@SpringBootConfiguration
class WebTestConfiguration {
}
