import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Field, Input } from "@illajwala/ui";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError, placeFieldProblems } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { useRegister } from "../api/register";
import { registerSchema } from "../schemas";

const FIELDS = ["name", "email", "phone", "password"] as const;

/** A patient account: name, email, optional phone, a password of at least ten characters, typed twice. */
export function RegisterForm({ onRegistered }: { onRegistered: () => void }) {
  const t = useT();
  const schema = useMemo(() => registerSchema(t), [t]);
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", email: "", phone: "", password: "", confirmPassword: "" },
  });
  const registration = useRegister();
  const submit = form.handleSubmit(({ name, email, phone, password }) =>
    registration.mutate(
      { name, email, password, ...(phone === "" ? {} : { phone }) },
      {
        onSuccess: onRegistered,
        onError: (error) => placeFieldProblems(error, FIELDS, form.setError),
      },
    ),
  );
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("auth.registerTitle")}>
      {registration.isError && <Alert tone="error">{describeError(registration.error, t)}</Alert>}
      <Field label={t("auth.name")} error={errors.name?.message}>
        {(control) => <Input {...control} autoComplete="name" {...form.register("name")} />}
      </Field>
      <Field label={t("auth.email")} error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Field label={t("auth.phoneOptional")} hint={t("auth.phoneHint")} error={errors.phone?.message}>
        {(control) => <Input {...control} type="tel" autoComplete="tel" inputMode="tel" {...form.register("phone")} />}
      </Field>
      <Field label={t("auth.password")} hint={t("auth.passwordHint")} error={errors.password?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("password")} />}
      </Field>
      <Field label={t("auth.confirmPassword")} error={errors.confirmPassword?.message}>
        {(control) => (
          <Input {...control} type="password" autoComplete="new-password" {...form.register("confirmPassword")} />
        )}
      </Field>
      <Button type="submit" busy={registration.isPending} className="w-full">
        {t("auth.createAccount")}
      </Button>
    </form>
  );
}
