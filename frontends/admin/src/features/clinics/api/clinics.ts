import { unwrap, type RegisterClinicRequest } from "@illajwala/api-client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api";
import { queryKeys } from "../../../lib/query-keys";

export function useRegisterClinic() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (clinic: RegisterClinicRequest) => unwrap(api.POST("/api/clinics", { body: clinic })),
    onSuccess: () => queries.invalidateQueries({ queryKey: queryKeys.clinics }),
  });
}
