import { Alert, Badge, describeError, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { OnboardDoctorForm } from "../../features/doctors/components/onboard-doctor-form";
import { MembersTable } from "../../features/staff/components/members-table";
import { clinicsQuery, doctorsQuery, membersQuery } from "../../lib/directory";

/** The organisation's doctors, whether patients can find them yet, and onboarding. */
export function DoctorsPage() {
  const members = useQuery(membersQuery);
  const verified = useQuery(doctorsQuery);
  const clinics = useQuery(clinicsQuery);
  const error = members.error ?? verified.error ?? clinics.error;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Doctors</h1>
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      {(members.isPending || verified.isPending || clinics.isPending) && <Skeleton className="h-32" />}
      {members.data !== undefined && verified.data !== undefined && clinics.data !== undefined && (
        <>
          <MembersTable
            caption="Doctors"
            members={members.data.filter((member) => member.role === "doctor")}
            clinics={clinics.data}
            extra={{
              heading: "Patients can book",
              cell: (member) =>
                verified.data.some((doctor) => doctor.doctorId === member.id) ? (
                  <Badge tone="good">verified</Badge>
                ) : (
                  <Badge tone="warn">awaiting verification</Badge>
                ),
            }}
          />
          <OnboardDoctorForm clinics={clinics.data} />
        </>
      )}
    </div>
  );
}
