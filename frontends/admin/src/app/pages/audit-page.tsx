import { unwrap } from "@illajwala/api-client";
import { Alert, describeError, Field, NativeSelect, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { AuditLog } from "../../features/audit/components/audit-log";
import { api } from "../../lib/api";
import { membersQuery } from "../../lib/directory";
import { queryKeys } from "../../lib/query-keys";

/** The organisation's audit log: the latest 200 entries, of everyone or of one person. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const actorId = params.get("actorId") ?? "";
  const members = useQuery(membersQuery);
  const entries = useQuery({
    queryKey: queryKeys.audit(actorId),
    queryFn: () =>
      unwrap(api.GET("/api/audit", { params: { query: actorId === "" ? { limit: 200 } : { actorId, limit: 200 } } })),
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <Field label="Who" className="max-w-sm">
        {(c) => (
          <NativeSelect
            {...c}
            value={actorId}
            onChange={(event) => setParams(event.target.value === "" ? {} : { actorId: event.target.value })}
          >
            <option value="">Everyone</option>
            {(members.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.role})
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      {entries.isPending && <Skeleton className="h-32" />}
      {entries.isError && <Alert tone="error">{describeError(entries.error)}</Alert>}
      {entries.data !== undefined && <AuditLog entries={entries.data} members={members.data ?? []} />}
    </div>
  );
}
