import { unwrap } from "@illajwala/api-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export function useAddStaff() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (member: { name: string; email: string; password: string; clinicId: string }) =>
      unwrap(api.POST("/api/staff", { body: member })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.members }),
  });
}
