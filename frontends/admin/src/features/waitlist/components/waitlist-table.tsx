import type { DoctorView, QueuedEntry } from "@illajwala/api-client";
import { Alert, Badge, Button, describeError, formatLocalDate, patientReference, TableFrame } from "@illajwala/ui";
import { TableHead } from "../../../components/table-head";
import { formatTimestamp } from "../../../lib/dates";
import { useSetUrgency, useWithdrawEntry } from "../api/waitlist";

/** An entry's status in the clinic's words. */
const ENTRY_STATUS: Record<QueuedEntry["status"], { label: string; tone: "neutral" | "good" | "info" }> = {
  pending: { label: "Waiting", tone: "info" },
  promoted: { label: "Offered a seat", tone: "good" },
  booked: { label: "Booked", tone: "neutral" },
  expired: { label: "Lapsed", tone: "neutral" },
  withdrawn: { label: "Left the list", tone: "neutral" },
};

/**
 * Who is waiting, for whom, when they can come, where they stand; the clinic can mark urgency (while
 * the entry still waits: an entry already offered a seat is past being moved up) or take it off.
 */
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
          <TableHead columns={["Place", "Patient", "Waiting for", "Days", "Status", "Joined", "Actions"]} />
          <tbody>
            {entries.map((entry) => {
              const active = entry.status === "pending" || entry.status === "promoted";
              const status = ENTRY_STATUS[entry.status];
              return (
                <tr
                  key={entry.entryId}
                  className="border-t border-slate-200"
                  data-testid="waitlist-entry"
                  data-status={entry.status}
                >
                  <td className="p-2">{entry.position ?? "—"}</td>
                  <td className="p-2 whitespace-nowrap">{patientReference(entry)}</td>
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
                    {entry.from === entry.to
                      ? formatLocalDate(entry.from, "en", "short")
                      : `${formatLocalDate(entry.from, "en", "short")} – ${formatLocalDate(entry.to, "en", "short")}`}
                  </td>
                  <td className="p-2">
                    <Badge tone={status.tone}>
                      <span data-testid="waitlist-status">{status.label}</span>
                    </Badge>
                    {entry.offer !== undefined && entry.status === "promoted" && (
                      <div className="mt-1 text-xs whitespace-nowrap text-slate-600">
                        until {formatTimestamp(entry.offer.expiresAt)}
                      </div>
                    )}
                  </td>
                  <td className="p-2 whitespace-nowrap">{formatTimestamp(entry.joinedAt)}</td>
                  <td className="p-2">
                    {active && (
                      <div className="flex gap-2">
                        {entry.status === "pending" && (
                          <Button
                            size="sm"
                            variant="secondary"
                            onClick={() => urgency.mutate({ entryId: entry.entryId, urgent: !entry.urgent })}
                          >
                            {entry.urgent ? "Not urgent" : "Mark urgent"}
                          </Button>
                        )}
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
