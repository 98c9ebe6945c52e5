package com.illajwala.booking.slot;

import com.illajwala.web.ApiException;

/** How the slot's refusals read over HTTP. */
public final class SlotRejections {

    private SlotRejections() {
    }

    public static ApiException toApiException(SlotRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_VISIBLE -> ApiException.notFound("slot_not_found", rejection.getMessage());
            case FULL -> ApiException.conflict("slot_full", rejection.getMessage());
            case UNAVAILABLE -> ApiException.conflict("slot_unavailable", rejection.getMessage());
            case MODE_NOT_OFFERED -> ApiException.unprocessable("mode_not_offered", rejection.getMessage());
            case INVALID -> ApiException.unprocessable("slot_invalid", rejection.getMessage());
            case DOCTOR_NOT_VERIFIED -> ApiException.unprocessable("doctor_not_verified", rejection.getMessage());
        };
    }
}
