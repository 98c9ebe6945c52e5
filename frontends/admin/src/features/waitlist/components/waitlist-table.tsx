import type { DoctorView, QueuedEntry } from "@illajwala/api-client";
import { Alert, Badge, Button, describeError, TableFrame } from "@illajwala/ui";
import { TableHead } from "../../../components/table-head";
import { useSetUrgency, useWithdrawEntry } from "../api/waitlist";

/** Who is waiting, for whom, when they can come, where they stand; the clinic can mark urgency or take an entry off. */
export function WaitlistTable({ entries, doctors }: { entries: QueuedEntry[]; doctors: DoctorView[] }) {
  const urgency = useSetUrgency();
  const withdraw = useWithdrawEntry();
  if (entries.length === 0) {
    return <p>Nobody is waiting.</p>;
  }
  const error = urgency.error ?? withdraw.error;
  return (
    <div className="space-y-3">
      {error !== null && <Alert tone="error">{describeError(error)}</Alert>}
      <TableFrame label="Waitlist">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Waitlist</caption>
          <TableHead columns={["Place", "Waiting for", "Days", "Status", "Joined", "Actions"]} />
          <tbody>
            {entries.map((entry) => {
              const active = entry.status === "pending" || entry.status === "promoted";
              return (
                <tr key={entry.entryId} className="border-t border-slate-200" data-testid="waitlist-entry">
                  <td className="p-2">{entry.position ?? "—"}</td>
                  <th scope="row" className="p-2 font-medium">
                    {entry.doctorId != null
                      ? (doctors.find((doctor) => doctor.doctorId === entry.doctorId)?.name ?? entry.doctorId)
                      : `Any ${entry.specialization ?? "doctor"}`}
                    {entry.urgent && (
                      <span className="ml-2">
                        <Badge tone="bad">urgent</Badge>
                      </span>
                    )}
                  </th>
                  <td className="p-2 whitespace-nowrap">
                    {entry.from} – {entry.to}
                  </td>
                  <td className="p-2">
                    <Badge tone={entry.status === "promoted" ? "good" : "neutral"}>{entry.status}</Badge>
                  </td>
                  <td className="p-2 whitespace-nowrap">{new Date(entry.joinedAt).toLocaleDateString("en-IN")}</td>
                  <td className="p-2">
                    {active && (
                      <div className="flex gap-2">
                        <Button
                          size="sm"
                          variant="secondary"
                          onClick={() => urgency.mutate({ entryId: entry.entryId, urgent: !entry.urgent })}
                        >
                          {entry.urgent ? "Not urgent" : "Mark urgent"}
                        </Button>
                        <Button size="sm" variant="ghost" onClick={() => withdraw.mutate(entry.entryId)}>
                          Take off
                        </Button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableFrame>
    </div>
  );
}
