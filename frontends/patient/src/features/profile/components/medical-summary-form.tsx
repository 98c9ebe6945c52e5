import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Field, Textarea } from "@illajwala/ui";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError } from "../../../lib/errors";
import { useT } from "../../../lib/i18n/context";
import { useUpdateProfile } from "../api/profile";
import { medicalSummarySchema } from "../schemas";

/** What the patient wants their doctors to know: seen only by them and the clinics they book with. */
export function MedicalSummaryForm({ summary }: { summary: string | null }) {
  const t = useT();
  const schema = useMemo(() => medicalSummarySchema(t), [t]);
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { medicalHistorySummary: summary ?? "" },
  });
  const update = useUpdateProfile();
  const submit = form.handleSubmit((values) => update.mutate(values));
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-label={t("profile.medicalSummary")}>
      {update.isSuccess && <Alert tone="success">{t("profile.saved")}</Alert>}
      {update.isError && <Alert tone="error">{describeError(update.error, t)}</Alert>}
      <Field
        label={t("profile.medicalSummary")}
        hint={t("profile.medicalSummaryHint")}
        error={form.formState.errors.medicalHistorySummary?.message}
      >
        {(control) => <Textarea {...control} rows={5} {...form.register("medicalHistorySummary")} />}
      </Field>
      <Button type="submit" busy={update.isPending}>
        {t("profile.save")}
      </Button>
    </form>
  );
}
