import type { ClinicDocument, MemberView } from "@illajwala/api-client";
import { Badge, TableFrame } from "@illajwala/ui";
import type { ReactNode } from "react";

/** People of the organisation, with their role and clinic; `extra` adds a column (a doctor's verification, say). */
export function MembersTable({
  members,
  clinics,
  caption,
  extra,
}: {
  members: MemberView[];
  clinics: ClinicDocument[];
  caption: string;
  extra?: { heading: string; cell: (member: MemberView) => ReactNode };
}) {
  return (
    <TableFrame label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className="p-2">
              Name
            </th>
            <th scope="col" className="p-2">
              Email
            </th>
            <th scope="col" className="p-2">
              Role
            </th>
            <th scope="col" className="p-2">
              Clinic
            </th>
            {extra !== undefined && (
              <th scope="col" className="p-2">
                {extra.heading}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-t border-slate-200" data-testid="member" data-role={member.role}>
              <th scope="row" className="p-2 font-medium">
                {member.name}
              </th>
              <td className="p-2">{member.email}</td>
              <td className="p-2">
                <Badge>{member.role}</Badge>
              </td>
              <td className="p-2">
                {clinics.find((clinic) => clinic.id === member.clinicId)?.name ?? member.clinicId ?? "—"}
              </td>
              {extra !== undefined && <td className="p-2">{extra.cell(member)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
