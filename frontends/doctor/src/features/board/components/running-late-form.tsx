import { zodResolver } from "@hookform/resolvers/zod";
import { Alert, Button, describeError, Field, Input } from "@illajwala/ui";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useAnnounceRunningLate } from "../api/board";

const schema = z.object({
  minutes: z
    .number("Enter the minutes")
    .int("Whole minutes")
    .min(1, "At least 1 minute")
    .max(240, "At most 240 minutes"),
});

/** Tells the day's patients still to be seen (by their own channels) how late the doctor is running. */
export function RunningLateForm({ doctorId, date, estimate }: { doctorId: string; date: string; estimate: number }) {
  const form = useForm<z.infer<typeof schema>>({
    resolver: zodResolver(schema),
    values: { minutes: estimate > 0 ? estimate : 15 },
  });
  const announce = useAnnounceRunningLate(doctorId);
  const answer = announce.data;
  return (
    <form
      noValidate
      aria-label="Announce running late"
      className="flex flex-wrap items-end gap-3"
      onSubmit={form.handleSubmit(({ minutes }) => announce.mutate({ date, minutes }))}
    >
      <Field label="Running late by (minutes)" error={form.formState.errors.minutes?.message} className="w-48">
        {(control) => (
          <Input {...control} type="number" min={1} max={240} {...form.register("minutes", { valueAsNumber: true })} />
        )}
      </Field>
      <Button type="submit" variant="secondary" busy={announce.isPending}>
        Tell waiting patients
      </Button>
      {announce.isError && <Alert tone="error">{describeError(announce.error)}</Alert>}
      {answer !== undefined && (
        <Alert tone="success" className="w-full">
          <span data-testid="running-late-answer">
            {answer.announced
              ? `${String(answer.appointmentIds.length)} patient(s) told you are running ${String(answer.minutes)} minutes late.`
              : `Patients already know you are running ${String(answer.minutes)} minutes late.`}
          </span>
        </Alert>
      )}
    </form>
  );
}
