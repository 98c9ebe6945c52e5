package com.illajwala.projections.doctor;

import java.util.List;

/** One page of search results. */
public record DoctorPage(List<DoctorView> items, int page, int size, long total) {
}
