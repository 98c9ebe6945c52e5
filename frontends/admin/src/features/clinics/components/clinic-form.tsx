import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, Card, describeError, Field, Input } from "@illajwala/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useRegisterClinic } from "../api/clinics";

const schema = z.object({
  name: z.string().trim().min(1, "Enter the clinic's name").max(120),
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Lower-case letters, digits and dashes"),
  timezone: z.string().trim().min(1, "Enter an IANA time zone such as Asia/Kolkata"),
  line1: z.string().trim().min(1, "Enter the street address"),
  city: z.string().trim().min(1, "Enter the city"),
  postalCode: z.string().trim().min(1, "Enter the postal code"),
  country: z.string().regex(/^[A-Z]{2}$/, "Two capital letters, such as IN"),
  email: z.email("Enter an email"),
  phone: z.string().regex(/^\+[1-9][0-9]{7,14}$/, "International format, such as +918000000000"),
  cancellationNoticeHours: z.number("Enter hours").int().min(0).max(168),
});

type ClinicForm = z.infer<typeof schema>;

/** Registers a clinic (a location) of the organisation; the platform checks it again and names any field it refuses. */
export function ClinicForm() {
  const form = useForm<ClinicForm>({
    resolver: zodResolver(schema),
    defaultValues: {
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      country: "IN",
      cancellationNoticeHours: 2,
    },
  });
  const register = useRegisterClinic();
  const errors = form.formState.errors;
  const text = (name: keyof ClinicForm, label: string, type = "text") => (
    <Field label={label} error={errors[name]?.message}>
      {(c) => (
        <Input
          {...c}
          type={type}
          {...form.register(name, type === "number" ? ({ valueAsNumber: true } as const) : undefined)}
        />
      )}
    </Field>
  );
  return (
    <Card as="section">
      <h2 className="text-lg font-semibold">Add a clinic</h2>
      <form
        noValidate
        aria-label="Add a clinic"
        className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={form.handleSubmit((values) =>
          register.mutate(
            {
              name: values.name,
              slug: values.slug,
              timezone: values.timezone,
              address: {
                line1: values.line1,
                city: values.city,
                postalCode: values.postalCode,
                country: values.country,
              },
              contact: { email: values.email, phone: values.phone },
              bookingPolicy: { cancellationNoticeHours: values.cancellationNoticeHours, reminderHoursBefore: [24, 2] },
            },
            { onSuccess: () => form.reset() },
          ),
        )}
      >
        {text("name", "Name")}
        {text("slug", "Short name (in links)")}
        {text("timezone", "Time zone")}
        {text("line1", "Street address")}
        {text("city", "City")}
        {text("postalCode", "Postal code")}
        {text("country", "Country code")}
        {text("email", "Contact email", "email")}
        {text("phone", "Contact phone", "tel")}
        {text("cancellationNoticeHours", "Patients may cancel up to (hours before)", "number")}
        {register.isError && (
          <Alert tone="error" className="sm:col-span-2">
            {describeError(register.error)}
          </Alert>
        )}
        {register.isSuccess && (
          <Alert tone="success" className="sm:col-span-2">
            Clinic added.
          </Alert>
        )}
        <Button type="submit" busy={register.isPending} className="sm:col-span-2 sm:justify-self-start">
          Add clinic
        </Button>
      </form>
    </Card>
  );
}
