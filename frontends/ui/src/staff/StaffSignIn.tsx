import { zodResolver } from "@hookform/resolvers/zod";
import { unwrap, type Api, type Session } from "@illajwala/api-client";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "../components/Button";
import { Alert, Card } from "../components/Feedback";
import { Field, Input } from "../components/Field";
import { describeError } from "../describe-error";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email").pipe(z.email("Enter an email such as name@clinic.com")),
  password: z.string().min(1, "Enter your password"),
});

/** Sign-in for doctors, staff and admins: at their organisation's own address (the host names the tenant). */
export function StaffSignIn({
  api,
  session,
  title,
  ended,
}: {
  api: Api;
  session: Session;
  title: string;
  ended: boolean;
}) {
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", password: "" },
  });
  const signIn = useMutation({
    mutationFn: async (values: z.infer<typeof schema>) => {
      session.begin(await unwrap(api.POST("/api/auth/login", { body: values })));
    },
  });
  const errors = form.formState.errors;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-700">
        Sign in at your organisation&apos;s own address ({window.location.host}).
      </p>
      {ended && (
        <Alert tone="warning" title="Your session has ended">
          Sign in again to carry on.
        </Alert>
      )}
      <Card>
        <form
          noValidate
          aria-label="Sign in"
          className="space-y-4"
          onSubmit={form.handleSubmit((values) => signIn.mutate(values))}
        >
          {signIn.isError && <Alert tone="error">{describeError(signIn.error)}</Alert>}
          <Field label="Email" error={errors.email?.message}>
            {(control) => <Input {...control} type="email" autoComplete="username" {...form.register("email")} />}
          </Field>
          <Field label="Password" error={errors.password?.message}>
            {(control) => (
              <Input {...control} type="password" autoComplete="current-password" {...form.register("password")} />
            )}
          </Field>
          <Button type="submit" busy={signIn.isPending} className="w-full">
            Sign in
          </Button>
        </form>
      </Card>
    </div>
  );
}
