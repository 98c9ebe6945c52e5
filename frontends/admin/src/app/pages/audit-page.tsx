import { unwrap } from "@illajwala/api-client";
import { Alert, describeError, Field, Input, NativeSelect, Skeleton } from "@illajwala/ui";
import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router-dom";
import { AuditLog } from "../../features/audit/components/audit-log";
import { api } from "../../lib/api";
import { membersQuery } from "../../lib/directory";
import { queryKeys } from "../../lib/query-keys";

const LATEST = 500;
type Filter = "actorId" | "resource" | "since";

/**
 * The organisation's audit log, filtered by who, which kind of record and since when (kept in the
 * address). Who and since are asked of the platform; the kind of record is picked from what came.
 */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const actorId = params.get("actorId") ?? "";
  const resource = params.get("resource") ?? "";
  const since = params.get("since") ?? "";
  const members = useQuery(membersQuery);
  const entries = useQuery({
    queryKey: queryKeys.audit({ actorId, since }),
    queryFn: () =>
      unwrap(
        api.GET("/api/audit", {
          params: {
            query: {
              limit: LATEST,
              ...(actorId === "" ? {} : { actorId }),
              // the start of that day where the reader is
              ...(since === "" ? {} : { since: new Date(`${since}T00:00`).toISOString() }),
            },
          },
        }),
      ),
  });
  const set = (name: Filter) => (event: { target: { value: string } }) => {
    const next = new URLSearchParams(params);
    if (event.target.value === "") {
      next.delete(name);
    } else {
      next.set(name, event.target.value);
    }
    setParams(next);
  };
  const resources = [...new Set((entries.data ?? []).map((entry) => entry.resource))].sort();
  const shown = (entries.data ?? []).filter((entry) => resource === "" || entry.resource === resource);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <form
        aria-label="Audit log filters"
        className="grid items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Who">
          {(c) => (
            <NativeSelect {...c} value={actorId} onChange={set("actorId")}>
              <option value="">Everyone</option>
              {(members.data ?? []).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name} ({member.role})
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Record">
          {(c) => (
            <NativeSelect {...c} value={resource} onChange={set("resource")}>
              <option value="">Every kind</option>
              {[...new Set([...resources, ...(resource === "" ? [] : [resource])])].map((kind) => (
                <option key={kind} value={kind}>
                  {kind.replace(/_/g, " ")}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Since">{(c) => <Input {...c} type="date" value={since} onChange={set("since")} />}</Field>
      </form>
      {entries.isPending && <Skeleton className="h-32" />}
      {entries.isError && <Alert tone="error">{describeError(entries.error)}</Alert>}
      {entries.data !== undefined && <AuditLog entries={shown} members={members.data ?? []} />}
    </div>
  );
}
