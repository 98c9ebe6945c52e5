import type { ClinicDocument, DoctorView, TenantDocument } from "@illajwala/api-client";
import { Button, Field, Input, NativeSelect } from "@illajwala/ui";
import { useState } from "react";
import type { AnalyticsFilters } from "../api/analytics";

/** Date range and scope; the choices offered are the reader's own organisation's (or every tenant, for platform admins). */
export function Filters({
  filters,
  clinics,
  doctors,
  tenants,
  onChange,
}: {
  filters: AnalyticsFilters;
  clinics?: ClinicDocument[];
  doctors?: DoctorView[];
  tenants?: TenantDocument[];
  onChange: (filters: AnalyticsFilters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  // a range reversed in the address is said here too, and the dashboard reads nothing for it
  const [reversed, setReversed] = useState(filters.to < filters.from);
  const set = (change: Partial<AnalyticsFilters>) => {
    setReversed(false);
    setDraft((current) => ({ ...current, ...change }));
  };
  const doctorsOfClinic = doctors?.filter((doctor) => !draft.clinicId || doctor.clinicIds.includes(draft.clinicId));
  return (
    <form
      aria-label="Filters"
      className="grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      onSubmit={(event) => {
        event.preventDefault();
        // YYYY-MM-DD days compare as text
        if (draft.to < draft.from) {
          setReversed(true);
        } else {
          onChange(draft);
        }
      }}
    >
      <Field label="From">
        {(c) => (
          <Input {...c} type="date" required value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        )}
      </Field>
      <Field label="To" error={reversed ? "The end must be on or after the start." : undefined}>
        {(c) => <Input {...c} type="date" required value={draft.to} onChange={(e) => set({ to: e.target.value })} />}
      </Field>
      {tenants !== undefined && (
        <Field label="Organisation">
          {(c) => (
            <NativeSelect {...c} value={draft.tenantId ?? ""} onChange={(e) => set({ tenantId: e.target.value })}>
              <option value="">All organisations</option>
              {tenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      {clinics !== undefined && (
        <Field label="Clinic">
          {(c) => (
            <NativeSelect
              {...c}
              value={draft.clinicId ?? ""}
              onChange={(e) => set({ clinicId: e.target.value, doctorId: "" })}
            >
              <option value="">All clinics</option>
              {clinics.map((clinic) => (
                <option key={clinic.id} value={clinic.id}>
                  {clinic.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      {doctorsOfClinic !== undefined && (
        <Field label="Doctor">
          {(c) => (
            <NativeSelect {...c} value={draft.doctorId ?? ""} onChange={(e) => set({ doctorId: e.target.value })}>
              <option value="">All doctors</option>
              {doctorsOfClinic.map((doctor) => (
                <option key={doctor.doctorId} value={doctor.doctorId}>
                  {doctor.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      <Button type="submit">Apply</Button>
    </form>
  );
}
