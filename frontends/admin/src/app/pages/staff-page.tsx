import { Alert, describeError, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { AddStaffForm } from "../../features/staff/components/add-staff-form";
import { MembersTable } from "../../features/staff/components/members-table";
import { clinicsQuery, membersQuery } from "../../lib/directory";

export function StaffPage() {
  const members = useQuery(membersQuery);
  const clinics = useQuery(clinicsQuery);
  const error = members.error ?? clinics.error;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Staff</h1>
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      {(members.isPending || clinics.isPending) && <Skeleton className="h-32" />}
      {members.data !== undefined && clinics.data !== undefined && (
        <>
          <MembersTable
            caption="Everyone who works for the organisation"
            members={members.data}
            clinics={clinics.data}
          />
          <AddStaffForm clinics={clinics.data} />
        </>
      )}
    </div>
  );
}
