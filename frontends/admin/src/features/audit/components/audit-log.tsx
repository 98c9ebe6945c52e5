import { TableFrame } from "@illajwala/ui";
import type { AuditEntry, MemberView } from "@illajwala/api-client";
import { TableHead } from "../../../components/table-head";
import { formatTimestamp } from "../../../lib/dates";
import { foldRepeats, readableAddress } from "../entries";

/** Who read or changed patient data, when, how and from where: newest first, repeats folded. */
export function AuditLog({ entries, members }: { entries: AuditEntry[]; members: MemberView[] }) {
  if (entries.length === 0) {
    return <p>Nothing recorded for this choice.</p>;
  }
  return (
    <TableFrame label="Audit log">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Audit log</caption>
        <TableHead columns={["When", "Who", "Did", "Record", "Request", "From"]} />
        <tbody>
          {foldRepeats(entries).map(({ entry, times, firstAt }) => (
            <tr key={entry.id} className="border-t border-slate-200" data-testid="audit-entry" data-times={times}>
              <td className="p-2 whitespace-nowrap">
                {formatTimestamp(entry.at)}
                {times > 1 && (
                  <div className="text-xs text-slate-600">
                    {times} times since {formatTimestamp(firstAt)}
                  </div>
                )}
              </td>
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
              <td className="p-2 whitespace-nowrap" data-testid="audit-address">
                {readableAddress(entry.sourceAddress)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
