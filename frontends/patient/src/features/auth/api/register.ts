import { unwrap } from "@illajwala/api-client";
import { useMutation } from "@tanstack/react-query";
import { api, session } from "../../../lib/api";

export interface Registration {
  name: string;
  email: string;
  password: string;
  phone?: string;
}

export async function register(registration: Registration): Promise<void> {
  session.begin(await unwrap(api.POST("/api/auth/register", { body: registration })));
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
