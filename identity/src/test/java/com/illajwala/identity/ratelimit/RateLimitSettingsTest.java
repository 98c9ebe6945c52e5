package com.illajwala.identity.ratelimit;

import com.illajwala.identity.ratelimit.RateLimitSettings.Configured;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitSettingsTest {

    @Test
    void anEndpointLeftOutKeepsItsDefault() {
        assertThat(new RateLimitSettings(null).effective()).isEqualTo(RateLimitSettings.DEFAULTS);
    }

    @Test
    void onlyTheRequestsKeepTheDefaultWindow() {
        var limits = new RateLimitSettings(Map.of("booking", new Configured(5000, null))).effective();

        assertThat(limits.get("booking")).isEqualTo(new RateLimit(5000, Duration.ofMinutes(1)));
        assertThat(limits.get("login")).isEqualTo(RateLimitSettings.DEFAULTS.get("login"));
    }

    @Test
    void onlyTheWindowKeepsTheDefaultRequests() {
        var limits = new RateLimitSettings(Map.of("otp", new Configured(null, Duration.ofMinutes(1)))).effective();

        assertThat(limits.get("otp")).isEqualTo(new RateLimit(10, Duration.ofMinutes(1)));
    }

    @Test
    void anEndpointWithoutADefaultNeedsBothHalves() {
        assertThatThrownBy(() -> new RateLimitSettings(Map.of("export", new Configured(5, null))).effective())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("illajwala.rate-limits.export");
    }
}
