import { zodResolver } from "@hookform/resolvers/zod";
import type { NotificationPreferences } from "@illajwala/api-client";
import { Alert, Button, Checkbox, RadioGroup } from "@illajwala/ui";
import { useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { describeError } from "../../../lib/errors";
import { useLanguage } from "../../../lib/i18n/context";
import { useUpdateProfile } from "../api/profile";
import { CHANNELS, preferencesSchema } from "../schemas";

type Values = z.infer<ReturnType<typeof preferencesSchema>>;

/** How the patient hears from clinics (at least one way) and in which language; the app follows the language too. */
export function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t, setLanguage } = useLanguage();
  const schema = useMemo(() => preferencesSchema(t), [t]);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      channels: preferences.channels.filter((channel): channel is Values["channels"][number] =>
        (CHANNELS as readonly string[]).includes(channel),
      ),
      language: preferences.language === "hi" ? "hi" : "en",
    },
  });
  const update = useUpdateProfile();
  const submit = form.handleSubmit((values) =>
    update.mutate({ notificationPreferences: values }, { onSuccess: () => setLanguage(values.language) }),
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("profile.preferencesTab")}>
      {update.isSuccess && <Alert tone="success">{t("profile.saved")}</Alert>}
      {update.isError && <Alert tone="error">{describeError(update.error, t)}</Alert>}
      <Controller
        control={form.control}
        name="channels"
        render={({ field, fieldState }) => (
          <fieldset aria-describedby={fieldState.error === undefined ? undefined : "channels-error"}>
            <legend className="text-sm font-medium text-slate-800">{t("profile.channels")}</legend>
            {CHANNELS.map((channel) => (
              <Checkbox
                key={channel}
                label={t(`channel.${channel}` as const)}
                checked={field.value.includes(channel)}
                onCheckedChange={(checked) =>
                  field.onChange(checked ? [...field.value, channel] : field.value.filter((other) => other !== channel))
                }
              />
            ))}
            {fieldState.error !== undefined && (
              <p id="channels-error" className="text-sm font-medium text-red-700">
                {fieldState.error.message}
              </p>
            )}
          </fieldset>
        )}
      />
      <Controller
        control={form.control}
        name="language"
        render={({ field }) => (
          <RadioGroup
            legend={t("profile.language")}
            name={field.name}
            value={field.value}
            onValueChange={field.onChange}
            options={[
              { value: "en", label: "English" },
              { value: "hi", label: "हिन्दी" },
            ]}
          />
        )}
      />
      <Button type="submit" busy={update.isPending}>
        {t("profile.save")}
      </Button>
    </form>
  );
}
