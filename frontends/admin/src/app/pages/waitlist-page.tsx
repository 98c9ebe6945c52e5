import { Alert, describeError, Skeleton, Tabs } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { waitlistQuery, type WaitlistScope } from "../../features/waitlist/api/waitlist";
import { WaitlistTable } from "../../features/waitlist/components/waitlist-table";
import { doctorsQuery } from "../../lib/directory";

export function WaitlistPage() {
  const [scope, setScope] = useState<WaitlistScope>("active");
  const entries = useQuery(waitlistQuery(scope));
  const doctors = useQuery(doctorsQuery);
  const content = (
    <>
      {entries.isPending && <Skeleton className="h-32" />}
      {entries.isError && <Alert tone="error">{describeError(entries.error)}</Alert>}
      {entries.data !== undefined && <WaitlistTable entries={entries.data} doctors={doctors.data ?? []} />}
    </>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Waitlist</h1>
      <Tabs
        label="Which entries"
        value={scope}
        onValueChange={(value) => setScope(value === "all" ? "all" : "active")}
        tabs={[
          { value: "active", title: "Waiting now", content },
          { value: "all", title: "All entries", content },
        ]}
      />
    </div>
  );
}
