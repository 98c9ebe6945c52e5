import { Alert, describeError, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { ClinicForm } from "../../features/clinics/components/clinic-form";
import { ClinicList } from "../../features/clinics/components/clinic-list";
import { clinicsQuery } from "../../lib/directory";

export function ClinicsPage() {
  const clinics = useQuery(clinicsQuery);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Clinics</h1>
      {clinics.isPending && <Skeleton className="h-32" />}
      {clinics.isError && <Alert tone="error">{describeError(clinics.error)}</Alert>}
      {clinics.data !== undefined && <ClinicList clinics={clinics.data} />}
      <ClinicForm />
    </div>
  );
}
