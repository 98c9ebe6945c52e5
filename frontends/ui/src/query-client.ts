import { ApiError } from "@illajwala/api-client";
import { QueryClient } from "@tanstack/react-query";

/** Failed reads are retried only when retrying can help: not for 4xx answers. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
