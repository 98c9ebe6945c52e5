import { unwrap } from "@illajwala/api-client";
import { Alert, describeError, Field, NativeSelect, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { availabilityQuery } from "../../features/availability/api/availability";
import { AvailabilityEditor } from "../../features/availability/components/availability-editor";
import { api } from "../../lib/api";
import { queryKeys } from "../../lib/query-keys";
import type { ScopedDoctor } from "../doctor-scope";

/** The availability editor, for one of the clinics where the doctor practises. */
export function AvailabilityPage({ doctor }: { doctor: ScopedDoctor }) {
  const { doctorId } = doctor;
  const profile = useQuery({
    queryKey: queryKeys.profile(doctorId),
    queryFn: () => unwrap(api.GET("/api/doctors/{doctorId}/profile", { params: { path: { doctorId } } })),
  });
  const clinics = useQuery({ queryKey: queryKeys.clinics, queryFn: () => unwrap(api.GET("/api/clinics")) });
  const [chosen, setChosen] = useState<string | null>(null);
  const clinicId = chosen ?? profile.data?.clinicIds[0] ?? null;
  const rules = useQuery({ ...availabilityQuery(doctorId, clinicId ?? ""), enabled: clinicId !== null });
  const error = profile.error ?? rules.error;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Availability · {doctor.name}</h1>
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      {profile.data !== undefined && clinicId !== null && (
        <Field label="Clinic" className="max-w-sm" hint="Times are the clinic's local time">
          {(control) => (
            <NativeSelect {...control} value={clinicId} onChange={(event) => setChosen(event.target.value)}>
              {profile.data.clinicIds.map((id) => (
                <option key={id} value={id}>
                  {clinics.data?.find((clinic) => clinic.id === id)?.name ?? id}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      {(profile.isPending || rules.isPending) && <Skeleton className="h-64" />}
      {clinicId !== null && rules.data !== undefined && (
        <AvailabilityEditor key={clinicId} doctorId={doctorId} clinicId={clinicId} rules={rules.data} />
      )}
    </div>
  );
}
