import type { StreamStatus } from "@illajwala/api-client";
import { Badge } from "@illajwala/ui";

const LABELS: Record<StreamStatus, string> = { live: "Live", connecting: "Connecting…", offline: "Reconnecting…" };

/** Whether the board is following changes as they happen. */
export function LiveStatus({ status }: { status: StreamStatus }) {
  return (
    <span role="status" data-testid="live-status" data-state={status}>
      <Badge tone={status === "live" ? "good" : "warn"}>{LABELS[status]}</Badge>
    </span>
  );
}
