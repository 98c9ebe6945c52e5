import { expectOk, unwrap } from "@illajwala/api-client";
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export type WaitlistScope = "active" | "all";

const ALL = ["pending", "promoted", "booked", "expired", "withdrawn"] as const;

/** The organisation's waitlist, best first: active entries, or every entry. */
export function waitlistQuery(scope: WaitlistScope) {
  return queryOptions({
    queryKey: queryKeys.waitlist(scope),
    queryFn: () => unwrap(api.GET("/api/waitlist", { params: { query: scope === "all" ? { status: [...ALL] } : {} } })),
    refetchInterval: 30_000,
  });
}

export function useSetUrgency() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, urgent }: { entryId: string; urgent: boolean }) =>
      expectOk(api.PUT("/api/waitlist/{entryId}/urgency", { params: { path: { entryId } }, body: { urgent } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["waitlist"] }),
  });
}

export function useWithdrawEntry() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (entryId: string) => expectOk(api.DELETE("/api/waitlist/{entryId}", { params: { path: { entryId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["waitlist"] }),
  });
}
