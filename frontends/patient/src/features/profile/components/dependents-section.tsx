import { zodResolver } from "@hookform/resolvers/zod";
import type { Dependent } from "@illajwala/api-client";
import { Alert, Button, Card, Field, formatLocalDate, Input, NativeSelect } from "@illajwala/ui";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError, placeFieldProblems } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useAddDependent, useRemoveDependent } from "../api/profile";
import { RELATIONSHIPS, dependentSchema } from "../schemas";

/** The people the patient books for: listed, added, removed. */
export function DependentsSection({ dependents }: { dependents: Dependent[] }) {
  const { t, language } = useLanguage();
  const remove = useRemoveDependent();
  return (
    <div className="space-y-4">
      {dependents.length === 0 ? (
        <p className="text-slate-700">{t("profile.noDependents")}</p>
      ) : (
        <ul className="space-y-2">
          {dependents.map((dependent) => (
            <Card as="li" key={dependent.id} className="flex items-center gap-3">
              <div className="flex-1">
                <p className="font-medium text-slate-900">{dependent.name}</p>
                <p className="text-sm text-slate-700">
                  {t(`relationship.${dependent.relationship}` as "relationship.child")} ·{" "}
                  {t("profile.born", { date: formatLocalDate(dependent.dateOfBirth, language) })}
                </p>
              </div>
              <Button
                variant="ghost"
                size="sm"
                busy={remove.isPending && remove.variables === dependent.id}
                onClick={() => remove.mutate(dependent.id)}
                aria-label={t("profile.removeDependent", { name: dependent.name })}
              >
                {t("profile.remove")}
              </Button>
            </Card>
          ))}
        </ul>
      )}
      {remove.isError && <Alert tone="error">{describeError(remove.error, t)}</Alert>}
      <AddDependentForm />
    </div>
  );
}

export function AddDependentForm() {
  const t = useLanguage().t;
  const today = new Date().toISOString().slice(0, 10);
  const schema = useMemo(() => dependentSchema(t, today), [t, today]);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", relationship: "child", dateOfBirth: "" },
  });
  const add = useAddDependent();
  const submit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => form.reset(),
      onError: (error) => placeFieldProblems(error, ["name", "relationship", "dateOfBirth"] as const, form.setError),
    }),
  );
  const errors = form.formState.errors;
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-3 rounded-lg border border-slate-200 p-4"
      aria-labelledby="add-dependent-heading"
    >
      <h3 id="add-dependent-heading" className="font-semibold text-slate-900">
        {t("profile.addDependent")}
      </h3>
      {add.isError && <Alert tone="error">{describeError(add.error, t)}</Alert>}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("auth.name")} error={errors.name?.message}>
          {(control) => <Input {...control} {...form.register("name")} />}
        </Field>
        <Field label={t("profile.relationship")} error={errors.relationship?.message}>
          {(control) => (
            <NativeSelect {...control} {...form.register("relationship")}>
              {RELATIONSHIPS.map((relationship) => (
                <option key={relationship} value={relationship}>
                  {t(`relationship.${relationship}` as const)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("profile.dateOfBirth")} error={errors.dateOfBirth?.message}>
          {(control) => <Input {...control} type="date" max={today} {...form.register("dateOfBirth")} />}
        </Field>
      </div>
      <Button type="submit" variant="secondary" busy={add.isPending}>
        {t("profile.add")}
      </Button>
    </form>
  );
}
