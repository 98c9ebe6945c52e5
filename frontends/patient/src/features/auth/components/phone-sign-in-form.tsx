import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Field, Input } from "@illajwala/ui";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { useRequestCode, useVerifyCode } from "../api/phone-code";
import { codeSchema, phoneSchema } from "../schemas";

/** Phone number, then the six-digit code sent to it by SMS. */
export function PhoneSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const [phone, setPhone] = useState<string | null>(null);
  const phoneForm = useForm<z.infer<ReturnType<typeof phoneSchema>>>({
    resolver: zodResolver(useMemo(() => phoneSchema(t), [t])),
    defaultValues: { phone: "" },
  });
  const codeForm = useForm<z.infer<ReturnType<typeof codeSchema>>>({
    resolver: zodResolver(useMemo(() => codeSchema(t), [t])),
    defaultValues: { code: "" },
  });
  const request = useRequestCode();
  const verify = useVerifyCode();

  if (phone === null) {
    const submit = phoneForm.handleSubmit(({ phone: number }) =>
      request.mutate(number, { onSuccess: () => setPhone(number) }),
    );
    return (
      <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("auth.phoneTab")}>
        {request.isError && <Alert tone="error">{describeError(request.error, t)}</Alert>}
        <Field label={t("auth.phone")} hint={t("auth.phoneHint")} error={phoneForm.formState.errors.phone?.message}>
          {(control) => (
            <Input {...control} type="tel" autoComplete="tel" inputMode="tel" {...phoneForm.register("phone")} />
          )}
        </Field>
        <Button type="submit" busy={request.isPending} className="w-full">
          {t("auth.sendCode")}
        </Button>
      </form>
    );
  }
  const submit = codeForm.handleSubmit(({ code }) => verify.mutate({ phone, code }, { onSuccess: onSignedIn }));
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("auth.phoneTab")}>
      <Alert tone="info">{t("auth.codeSent", { phone })}</Alert>
      {verify.isError && <Alert tone="error">{describeError(verify.error, t)}</Alert>}
      <Field label={t("auth.code")} error={codeForm.formState.errors.code?.message}>
        {(control) => (
          <Input
            {...control}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            {...codeForm.register("code")}
          />
        )}
      </Field>
      <Button type="submit" busy={verify.isPending} className="w-full">
        {t("auth.verifyCode")}
      </Button>
      <Button variant="ghost" className="w-full" onClick={() => setPhone(null)}>
        {t("auth.changePhone")}
      </Button>
    </form>
  );
}
