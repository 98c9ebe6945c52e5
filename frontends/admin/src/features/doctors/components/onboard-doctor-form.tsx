import { zodResolver } from "@hookform/resolvers/zod";
import type { ClinicDocument, ConsultationMode } from "@illajwala/api-client";
import { Alert, Button, Card, Checkbox, describeError, Field, Input } from "@illajwala/ui";
import { Controller, useForm } from "react-hook-form";
import { z } from "zod";
import { AccountFields } from "../../../components/account-fields";
import { useOnboardDoctor } from "../api/doctors";

const MODES: { value: ConsultationMode; label: string }[] = [
  { value: "clinic", label: "At the clinic" },
  { value: "telehealth", label: "Video call" },
  { value: "home_visit", label: "Home visit" },
];

const list = (message: string) =>
  z
    .string()
    .transform((value) =>
      value
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== ""),
    )
    .pipe(z.array(z.string()).min(1, message));

const schema = z.object({
  name: z.string().trim().min(1, "Enter the doctor's name").max(120),
  email: z.email("Enter an email"),
  password: z.string().min(10, "At least 10 characters").max(128),
  specialization: z.string().trim().min(1, "Enter the specialization").max(80),
  qualifications: list("Enter at least one qualification"),
  registrationNumber: z.string().trim().min(1, "Enter the registration number").max(60),
  languages: list("Enter at least one language code, such as en").pipe(
    z.array(z.string().regex(/^[a-z]{2}$/, "Two-letter language codes, such as en, hi")),
  ),
  fee: z.number("Enter the fee").min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, "Three capital letters, such as INR"),
  modes: z.array(z.enum(["clinic", "telehealth", "home_visit"])).min(1, "Choose at least one"),
  clinicIds: z.array(z.string()).min(1, "Choose at least one clinic"),
});

/** Onboards a doctor: their profile and sign-in. They stay unverified, unseen by patients, until a platform admin decides. */
export function OnboardDoctorForm({ clinics }: { clinics: ClinicDocument[] }) {
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { currency: "INR", modes: ["clinic"], clinicIds: [], qualifications: "", languages: "en" },
  });
  const onboard = useOnboardDoctor();
  const errors = form.formState.errors;
  return (
    <Card as="section">
      <h2 className="text-lg font-semibold">Onboard a doctor</h2>
      <form
        noValidate
        aria-label="Onboard a doctor"
        className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={form.handleSubmit((values) => onboard.mutate(values, { onSuccess: () => form.reset() }))}
      >
        <AccountFields register={form.register} errors={errors} />
        <Field label="Specialization" error={errors.specialization?.message}>
          {(c) => <Input {...c} {...form.register("specialization")} />}
        </Field>
        <Field label="Qualifications (comma-separated)" error={errors.qualifications?.message}>
          {(c) => <Input {...c} {...form.register("qualifications")} />}
        </Field>
        <Field label="Registration number" error={errors.registrationNumber?.message}>
          {(c) => <Input {...c} {...form.register("registrationNumber")} />}
        </Field>
        <Field label="Languages (comma-separated codes)" error={errors.languages?.message}>
          {(c) => <Input {...c} {...form.register("languages")} />}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Fee" error={errors.fee?.message}>
            {(c) => <Input {...c} type="number" min={0} {...form.register("fee", { valueAsNumber: true })} />}
          </Field>
          <Field label="Currency" error={errors.currency?.message}>
            {(c) => <Input {...c} {...form.register("currency")} />}
          </Field>
        </div>
        <Controller
          control={form.control}
          name="modes"
          render={({ field, fieldState }) => (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Sees patients</legend>
              {MODES.map((mode) => (
                <Checkbox
                  key={mode.value}
                  label={mode.label}
                  checked={field.value.includes(mode.value)}
                  onCheckedChange={(on) =>
                    field.onChange(
                      on ? [...field.value, mode.value] : field.value.filter((other) => other !== mode.value),
                    )
                  }
                />
              ))}
              {fieldState.error?.message !== undefined && (
                <p className="text-sm font-medium text-red-700">{fieldState.error.message}</p>
              )}
            </fieldset>
          )}
        />
        <Controller
          control={form.control}
          name="clinicIds"
          render={({ field, fieldState }) => (
            <fieldset>
              <legend className="text-sm font-medium text-slate-800">Practises at</legend>
              {clinics.map((clinic) => (
                <Checkbox
                  key={clinic.id}
                  label={clinic.name}
                  checked={field.value.includes(clinic.id)}
                  onCheckedChange={(on) =>
                    field.onChange(
                      on ? [...field.value, clinic.id] : field.value.filter((other) => other !== clinic.id),
                    )
                  }
                />
              ))}
              {fieldState.error?.message !== undefined && (
                <p className="text-sm font-medium text-red-700">{fieldState.error.message}</p>
              )}
            </fieldset>
          )}
        />
        {onboard.isError && (
          <Alert tone="error" className="sm:col-span-2">
            {describeError(onboard.error)}
          </Alert>
        )}
        {onboard.isSuccess && (
          <Alert tone="success" className="sm:col-span-2">
            Doctor onboarded. Patients will find them once a platform admin has verified them.
          </Alert>
        )}
        <Button type="submit" busy={onboard.isPending} className="sm:col-span-2 sm:justify-self-start">
          Onboard doctor
        </Button>
      </form>
    </Card>
  );
}
