import { Field, Input } from "@illajwala/ui";
import type { UseFormRegisterReturn } from "react-hook-form";

type AccountField = "name" | "email" | "password";

/** The name, sign-in email and first password of an account an admin opens for someone else. */
export function AccountFields({
  register,
  errors,
}: {
  register: (field: AccountField) => UseFormRegisterReturn;
  errors: Partial<Record<AccountField, { message?: string }>>;
}) {
  return (
    <>
      <Field label="Name" error={errors.name?.message}>
        {(c) => <Input {...c} {...register("name")} />}
      </Field>
      <Field label="Email (their sign-in)" error={errors.email?.message}>
        {(c) => <Input {...c} type="email" {...register("email")} />}
      </Field>
      <Field label="First password" error={errors.password?.message}>
        {(c) => <Input {...c} type="password" autoComplete="new-password" {...register("password")} />}
      </Field>
    </>
  );
}
