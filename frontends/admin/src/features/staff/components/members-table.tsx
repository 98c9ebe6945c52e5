import type { ClinicDocument, MemberView } from "@illajwala/api-client";
import { Badge, TableFrame } from "@illajwala/ui";
import type { ReactNode } from "react";
import { TableHead } from "../../../components/table-head";

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
        <TableHead columns={["Name", "Email", "Role", "Clinic", ...(extra === undefined ? [] : [extra.heading])]} />
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
