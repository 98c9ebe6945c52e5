import { expectOk, unwrap, unwrapWrite, type JoinWaitlistRequest, type QueuedEntry } from "@illajwala/api-client";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { rememberWrite } from "../../../lib/consistency";
import { queryKeys } from "../../../lib/query-keys";
import { useSession } from "../../../lib/session";

/** The patient's waitlist entries, newest first: waiting (with their place), offered a seat, booked, ended. */
export const myWaitlistQuery = queryOptions({
  queryKey: queryKeys.waitlist,
  queryFn: () => unwrap(api.GET("/api/waitlist/mine")),
});

export function useMyWaitlist() {
  const signedIn = useSession().status === "signed-in";
  return useQuery({ ...myWaitlistQuery, enabled: signedIn });
}

export async function joinWaitlist(request: JoinWaitlistRequest): Promise<QueuedEntry> {
  return unwrap(api.POST("/api/waitlist", { body: request }));
}

export function useJoinWaitlist() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: joinWaitlist,
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.waitlist }),
  });
}

/** Books the seat offered; the appointments list will wait for the booking to be readable. */
export async function acceptOffer(entryId: string): Promise<void> {
  const { consistencyToken } = await unwrapWrite(
    api.POST("/api/waitlist/{entryId}/accept", { params: { path: { entryId } } }),
  );
  rememberWrite(consistencyToken);
}

export async function declineOffer(entryId: string): Promise<void> {
  await expectOk(api.POST("/api/waitlist/{entryId}/decline", { params: { path: { entryId } } }));
}

export async function leaveWaitlist(entryId: string): Promise<void> {
  await expectOk(api.DELETE("/api/waitlist/{entryId}", { params: { path: { entryId } } }));
}

function useWaitlistStep(step: (entryId: string) => Promise<void>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: step,
    onSettled: async () => {
      await Promise.all([
        queries.invalidateQueries({ queryKey: queryKeys.waitlist }),
        queries.invalidateQueries({ queryKey: queryKeys.appointments }),
      ]);
    },
  });
}

export const useAcceptOffer = () => useWaitlistStep(acceptOffer);
export const useDeclineOffer = () => useWaitlistStep(declineOffer);
export const useLeaveWaitlist = () => useWaitlistStep(leaveWaitlist);
