import { zodResolver } from "@hookform/resolvers/zod";
import type { ClinicDocument } from "@illajwala/api-client";
import { Alert, Button, Card, describeError, Field, NativeSelect } from "@illajwala/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { AccountFields } from "../../../components/account-fields";
import { useAddStaff } from "../api/staff";

const schema = z.object({
  name: z.string().trim().min(1, "Enter the name").max(120),
  email: z.email("Enter an email"),
  password: z.string().min(10, "At least 10 characters").max(128),
  clinicId: z.string().min(1, "Choose a clinic"),
});

/** Opens a front-desk account at one of the organisation's clinics. */
export function AddStaffForm({ clinics }: { clinics: ClinicDocument[] }) {
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { clinicId: clinics[0]?.id ?? "" },
  });
  const add = useAddStaff();
  const errors = form.formState.errors;
  return (
    <Card as="section">
      <h2 className="text-lg font-semibold">Add a member of staff</h2>
      <form
        noValidate
        aria-label="Add a member of staff"
        className="mt-3 grid gap-3 sm:grid-cols-2"
        onSubmit={form.handleSubmit((values) => add.mutate(values, { onSuccess: () => form.reset() }))}
      >
        <AccountFields register={form.register} errors={errors} />
        <Field label="Clinic" error={errors.clinicId?.message}>
          {(c) => (
            <NativeSelect {...c} {...form.register("clinicId")}>
              {clinics.map((clinic) => (
                <option key={clinic.id} value={clinic.id}>
                  {clinic.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        {add.isError && (
          <Alert tone="error" className="sm:col-span-2">
            {describeError(add.error)}
          </Alert>
        )}
        {add.isSuccess && (
          <Alert tone="success" className="sm:col-span-2">
            Account opened.
          </Alert>
        )}
        <Button type="submit" busy={add.isPending} className="sm:col-span-2 sm:justify-self-start">
          Add staff member
        </Button>
      </form>
    </Card>
  );
}
