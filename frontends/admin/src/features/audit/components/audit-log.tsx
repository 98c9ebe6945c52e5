import { TableFrame } from "@illajwala/ui";
import type { AuditEntry, MemberView } from "@illajwala/api-client";
import { TableHead } from "../../../components/table-head";

/** Who read or changed patient data, when, how and from where: newest first. */
export function AuditLog({ entries, members }: { entries: AuditEntry[]; members: MemberView[] }) {
  if (entries.length === 0) {
    return <p>Nothing recorded yet.</p>;
  }
  return (
    <TableFrame label="Audit log">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log</caption>
        <TableHead columns={["When", "Who", "Did", "Record", "Request", "From"]} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200" data-testid="audit-entry">
              <td className="p-2 whitespace-nowrap">{new Date(entry.at).toLocaleString("en-IN")}</td>
              <td className="p-2">
                {members.find((member) => member.id === entry.actorId)?.name ?? entry.actorId} ({entry.actorRole})
              </td>
              <td className="p-2">{entry.action}</td>
              <td className="p-2">
                {entry.resource} {entry.resourceId}
              </td>
              <td className="p-2 font-mono text-xs">
                {entry.method} {entry.path}
              </td>
              <td className="p-2">{entry.sourceAddress}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
