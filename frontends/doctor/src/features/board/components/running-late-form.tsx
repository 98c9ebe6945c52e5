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

/**
 * Tells the day's patients still to be seen (by their own channels) how late the doctor is running.
 * The minutes are the doctor's to say, so nothing is filled in for them; with nobody waiting there
 * is nobody to tell.
 */
export function RunningLateForm({
  doctorId,
  date,
  waiting,
  onAnnounced,
}: {
  doctorId: string;
  date: string;
  /** Patients booked or checked in and not yet seen. */
  waiting: number;
  onAnnounced: (minutes: number) => void;
}) {
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema) });
  const announce = useAnnounceRunningLate(doctorId);
  const answer = announce.data;
  const nobody = waiting === 0;
  return (
    <form
      noValidate
      aria-label="Announce running late"
      className="flex flex-wrap items-end gap-3"
      onSubmit={form.handleSubmit(({ minutes }) =>
        announce.mutate({ date, minutes }, { onSuccess: (told) => onAnnounced(told.minutes) }),
      )}
    >
      <Field
        label="Running late by (minutes)"
        error={form.formState.errors.minutes?.message}
        hint={nobody ? "Nobody is waiting to be told." : undefined}
        className="w-56"
      >
        {(control) => (
          <Input
            {...control}
            type="number"
            min={1}
            max={240}
            inputMode="numeric"
            disabled={nobody}
            {...form.register("minutes", { valueAsNumber: true })}
          />
        )}
      </Field>
      <Button type="submit" variant="secondary" busy={announce.isPending} disabled={nobody}>
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
