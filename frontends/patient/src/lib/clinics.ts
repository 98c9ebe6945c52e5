import { unwrap, type ClinicDocument } from "@illajwala/api-client";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { queryKeys } from "./query-keys";

/** Every clinic (the patient app runs on the platform's host, which sees every tenant's). */
export const clinicsQuery = queryOptions({
  queryKey: queryKeys.clinics,
  queryFn: () => unwrap(api.GET("/api/clinics")),
  staleTime: 10 * 60_000,
});

export function useClinics() {
  return useQuery(clinicsQuery);
}

/** One clinic, from the list every page shares. */
export function useClinic(clinicId: string | undefined): ClinicDocument | undefined {
  const clinics = useClinics();
  return clinics.data?.find((clinic) => clinic.id === clinicId);
}

/** The clinic's street address on one line: where the patient has to go. */
export function clinicAddress(clinic: ClinicDocument): string {
  const { line1, line2, city, postalCode } = clinic.address;
  return [line1, line2, `${city} ${postalCode}`.trim()].filter(Boolean).join(", ");
}

/** The clinic found in the reader's maps (Google Maps' documented search address, which phones open in their maps app). */
export function mapLink(clinic: ClinicDocument): string {
  return (
    "https://www.google.com/maps/search/?api=1&query=" + encodeURIComponent(`${clinic.name}, ${clinicAddress(clinic)}`)
  );
}
