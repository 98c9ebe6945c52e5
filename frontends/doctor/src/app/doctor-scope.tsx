import { unwrap, type AccountView } from "@illajwala/api-client";
import { Alert, describeError, Field, NativeSelect, Spinner } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useSearchParams } from "react-router-dom";
import { api } from "../lib/api";
import { queryKeys } from "../lib/query-keys";

export interface ScopedDoctor {
  doctorId: string;
  name: string;
}

/**
 * Whose day the pages show: a doctor's own; staff and admins choose one of their organisation's
 * doctors (kept in the address, `?doctor=`, so a link or a reload keeps the choice).
 */
export function DoctorScope({ user, children }: { user: AccountView; children: (doctor: ScopedDoctor) => ReactNode }) {
  const [params, setParams] = useSearchParams();
  const isDoctor = user.role === "doctor";
  const doctors = useQuery({
    queryKey: queryKeys.doctors,
    queryFn: () => unwrap(api.GET("/api/doctors", { params: { query: { sort: "name", size: 50 } } })),
    enabled: !isDoctor,
  });
  if (isDoctor) {
    return <>{children({ doctorId: user.id, name: user.name ?? user.id })}</>;
  }
  if (doctors.isPending) {
    return <Spinner label="Loading doctors…" />;
  }
  if (doctors.isError) {
    return <Alert tone="error">{describeError(doctors.error)}</Alert>;
  }
  const chosen = doctors.data.items.find((doctor) => doctor.doctorId === params.get("doctor")) ?? doctors.data.items[0];
  if (chosen === undefined) {
    return <Alert tone="info">Your organisation has no verified doctors yet.</Alert>;
  }
  return (
    <div className="space-y-4">
      <Field label="Doctor" className="max-w-sm">
        {(control) => (
          <NativeSelect
            {...control}
            value={chosen.doctorId}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.set("doctor", event.target.value);
              setParams(next);
            }}
          >
            {doctors.data.items.map((doctor) => (
              <option key={doctor.doctorId} value={doctor.doctorId}>
                {doctor.name}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      {children({ doctorId: chosen.doctorId, name: chosen.name })}
    </div>
  );
}
