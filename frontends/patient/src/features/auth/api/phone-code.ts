import { expectOk, unwrap } from "@illajwala/api-client";
import { useMutation } from "@tanstack/react-query";
import { api, session } from "../../../lib/api";

/** Sends a six-digit code to the phone by SMS. */
export async function requestCode(phone: string): Promise<void> {
  await expectOk(api.POST("/api/auth/otp/request", { body: { phone } }));
}

/** Signs in with the code; a number seen for the first time gets a new patient account. */
export async function verifyCode(input: { phone: string; code: string }): Promise<void> {
  session.begin(await unwrap(api.POST("/api/auth/otp/verify", { body: input })));
}

export function useRequestCode() {
  return useMutation({ mutationFn: requestCode });
}

export function useVerifyCode() {
  return useMutation({ mutationFn: verifyCode });
}
