import { zodResolver } from "@hookform/resolvers/zod";
import type { AvailabilityRequest } from "@illajwala/api-client";
import { Alert, Button, Card, describeError, Field, Input } from "@illajwala/ui";
import { FormProvider, useFieldArray, useForm, useFormContext } from "react-hook-form";
import { usePreviewAvailability, useSetAvailability } from "../api/availability";
import { availabilitySchema, formOf, newSession, requestOf, type AvailabilityForm } from "../schema";
import { SessionFields } from "./session-fields";
import { SlotPreview } from "./slot-preview";

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The doctor's availability at one clinic: weekly sessions, leave days and extra sessions, with a
 * preview of the slots they will create before they are saved.
 */
export function AvailabilityEditor({
  doctorId,
  clinicId,
  rules,
}: {
  doctorId: string;
  clinicId: string;
  rules: AvailabilityRequest | null;
}) {
  const form = useForm<AvailabilityForm>({ resolver: zodResolver(availabilitySchema), defaultValues: formOf(rules) });
  const preview = usePreviewAvailability(doctorId);
  const save = useSetAvailability(doctorId);
  const number = { valueAsNumber: true } as const;
  const errors = form.formState.errors;
  return (
    <FormProvider {...form}>
      <form
        noValidate
        aria-label="Availability"
        className="space-y-6"
        onSubmit={form.handleSubmit((values) => save.mutate(requestOf(clinicId, values)))}
      >
        <Card className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Minimum notice (minutes)"
            hint="No slot starts sooner than this"
            error={errors.minimumNoticeMinutes?.message}
          >
            {(c) => <Input {...c} type="number" {...form.register("minimumNoticeMinutes", number)} />}
          </Field>
          <Field label="Book up to (days ahead)" error={errors.maximumAdvanceDays?.message}>
            {(c) => <Input {...c} type="number" {...form.register("maximumAdvanceDays", number)} />}
          </Field>
        </Card>
        <section aria-labelledby="weekly-heading" className="space-y-3">
          <h2 id="weekly-heading" className="text-lg font-semibold">
            Every week
          </h2>
          {DAY_NAMES.map((name, index) => (
            <WeekDay key={name} index={index} name={name} />
          ))}
        </section>
        <LeaveDays />
        <ExtraSessions />
        {(preview.isError || save.isError) && (
          <Alert tone="error">{describeError(preview.isError ? preview.error : save.error)}</Alert>
        )}
        {save.data !== undefined && (
          <Alert tone="success" title="Availability saved">
            <span data-testid="availability-saved">
              {save.data.slots} slots published, {save.data.withdrawn} withdrawn.
              {save.data.blocked.length > 0 &&
                ` ${String(save.data.blocked.length)} slots with bookings are blocked: move or cancel their appointments.`}
            </span>
          </Alert>
        )}
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            busy={preview.isPending}
            onClick={form.handleSubmit((values) => preview.mutate(requestOf(clinicId, values)))}
          >
            Preview slots
          </Button>
          <Button type="submit" busy={save.isPending}>
            Save availability
          </Button>
        </div>
        {preview.data !== undefined && <SlotPreview preview={preview.data} />}
      </form>
    </FormProvider>
  );
}

function WeekDay({ index, name }: { index: number; name: string }) {
  const { control } = useFormContext<AvailabilityForm>();
  const sessions = useFieldArray({ control, name: `weekly.${index}.sessions` });
  return (
    <Card className="space-y-3 p-3">
      <div className="flex items-center justify-between">
        <h3 className="font-medium">{name}</h3>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => sessions.append(newSession())}
          aria-label={`Add a session on ${name}`}
        >
          Add a session
        </Button>
      </div>
      {sessions.fields.length === 0 && <p className="text-sm text-slate-600">No consulting hours.</p>}
      {sessions.fields.map((session, position) => (
        <SessionFields
          key={session.id}
          path={`weekly.${index}.sessions.${position}`}
          label={`${name}, session ${String(position + 1)}`}
          onRemove={() => sessions.remove(position)}
        />
      ))}
    </Card>
  );
}

function LeaveDays() {
  const { control, register, getFieldState, formState } = useFormContext<AvailabilityForm>();
  const days = useFieldArray({ control, name: "leaveDays" });
  return (
    <section aria-labelledby="leave-heading" className="space-y-3">
      <h2 id="leave-heading" className="text-lg font-semibold">
        Leave days
      </h2>
      {days.fields.map((day, index) => (
        <div key={day.id} className="flex items-end gap-3">
          <Field label="Day off" error={getFieldState(`leaveDays.${index}.date`, formState).error?.message}>
            {(c) => <Input {...c} type="date" {...register(`leaveDays.${index}.date`)} />}
          </Field>
          <Button variant="ghost" size="sm" onClick={() => days.remove(index)}>
            Remove
          </Button>
        </div>
      ))}
      <Button variant="secondary" size="sm" onClick={() => days.append({ date: "" })}>
        Add a leave day
      </Button>
    </section>
  );
}

function ExtraSessions() {
  const { control, register, getFieldState, formState } = useFormContext<AvailabilityForm>();
  const extras = useFieldArray({ control, name: "extraSessions" });
  return (
    <section aria-labelledby="extra-heading" className="space-y-3">
      <h2 id="extra-heading" className="text-lg font-semibold">
        Extra sessions
      </h2>
      {extras.fields.map((extra, index) => (
        <Card key={extra.id} className="space-y-3 p-3">
          <Field label="On" error={getFieldState(`extraSessions.${index}.date`, formState).error?.message}>
            {(c) => <Input {...c} type="date" {...register(`extraSessions.${index}.date`)} />}
          </Field>
          <SessionFields
            path={`extraSessions.${index}.session`}
            label={`Extra session ${String(index + 1)}`}
            onRemove={() => extras.remove(index)}
          />
        </Card>
      ))}
      <Button variant="secondary" size="sm" onClick={() => extras.append({ date: "", session: newSession() })}>
        Add an extra session
      </Button>
    </section>
  );
}
