package com.illajwala.web.directory;

import org.springframework.lang.Nullable;
import reactor.core.publisher.Flux;

import java.util.Collection;
import java.util.List;

/**
 * Where a clinic is and its public phone number, as its public page shows them. Events carry only a
 * clinic's city (the address stays in identity's documents), so a feed that must give the full
 * address, such as a SMART Scheduling Links {@code Location}, asks here; identity answers.
 */
public interface ClinicAddresses {

    /** The addresses of those of these clinics identity has a page for; unknown ids are left out. */
    Flux<ClinicAddress> of(Collection<String> clinicIds);

    /**
     * @param lines   the street lines, first to last
     * @param country ISO 3166 alpha-2
     * @param phone   E.164
     */
    record ClinicAddress(String clinicId, List<String> lines, String city, @Nullable String state, String postalCode,
                         String country, String phone) {
    }
}
