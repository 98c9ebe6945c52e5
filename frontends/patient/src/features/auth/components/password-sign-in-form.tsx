import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Field, Input } from "@illajwala/ui";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { useSignIn } from "../api/sign-in";
import { signInSchema } from "../schemas";

/** Email and password; says which field is wrong before anything is sent. */
export function PasswordSignInForm({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useT();
  const schema = useMemo(() => signInSchema(t), [t]);
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "" },
  });
  const signIn = useSignIn();
  const submit = form.handleSubmit((values) => signIn.mutate(values, { onSuccess: onSignedIn }));
  const errors = form.formState.errors;
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("auth.passwordTab")}>
      {signIn.isError && <Alert tone="error">{describeError(signIn.error, t)}</Alert>}
      <Field label={t("auth.email")} error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Field label={t("auth.password")} error={errors.password?.message}>
        {(control) => (
          <Input {...control} type="password" autoComplete="current-password" {...form.register("password")} />
        )}
      </Field>
      <Button type="submit" busy={signIn.isPending} className="w-full">
        {t("auth.signIn")}
      </Button>
    </form>
  );
}
