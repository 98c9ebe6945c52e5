import { unwrap } from "@illajwala/api-client";
import { useMutation } from "@tanstack/react-query";
import { api, session } from "../../../lib/api";

export interface PasswordSignIn {
  email: string;
  password: string;
}

export async function signIn(credentials: PasswordSignIn): Promise<void> {
  session.begin(await unwrap(api.POST("/api/auth/login", { body: credentials })));
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
