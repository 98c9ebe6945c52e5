import { Button, Checkbox, Field, Input } from "@illajwala/ui";
import { Controller, useFieldArray, useFormContext } from "react-hook-form";
import { MODES, type AvailabilityForm } from "../schema";

export type SessionPath = `weekly.${number}.sessions.${number}` | `extraSessions.${number}.session`;

const MODE_LABELS = { clinic: "At the clinic", telehealth: "Video call", home_visit: "Home visit" } as const;

/** One session's hours, breaks, slot length, buffer, seats and ways of seeing patients. */
export function SessionFields({ path, label, onRemove }: { path: SessionPath; label: string; onRemove: () => void }) {
  const { register, control, getFieldState, formState } = useFormContext<AvailabilityForm>();
  const breaks = useFieldArray({ control, name: `${path}.breaks` });
  const error = (name: Parameters<typeof getFieldState>[0]) => getFieldState(name, formState).error?.message;
  const number = { valueAsNumber: true } as const;
  return (
    <fieldset className="space-y-3 rounded-md border border-slate-300 p-3" data-testid="session">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      <div className="grid gap-3 sm:grid-cols-5">
        <Field label="Starts" error={error(`${path}.start`)}>
          {(c) => <Input {...c} type="time" {...register(`${path}.start`)} />}
        </Field>
        <Field label="Ends" error={error(`${path}.end`)}>
          {(c) => <Input {...c} type="time" {...register(`${path}.end`)} />}
        </Field>
        <Field label="Slot (min)" error={error(`${path}.slotMinutes`)}>
          {(c) => <Input {...c} type="number" min={5} max={240} {...register(`${path}.slotMinutes`, number)} />}
        </Field>
        <Field label="Buffer (min)" error={error(`${path}.bufferMinutes`)}>
          {(c) => <Input {...c} type="number" min={0} max={120} {...register(`${path}.bufferMinutes`, number)} />}
        </Field>
        <Field label="Seats" error={error(`${path}.capacity`)}>
          {(c) => <Input {...c} type="number" min={1} max={100} {...register(`${path}.capacity`, number)} />}
        </Field>
      </div>
      <Controller
        control={control}
        name={`${path}.modes`}
        render={({ field, fieldState }) => (
          <div>
            <div className="flex flex-wrap gap-x-6">
              {MODES.map((mode) => (
                <Checkbox
                  key={mode}
                  label={MODE_LABELS[mode]}
                  checked={field.value.includes(mode)}
                  onCheckedChange={(checked) =>
                    field.onChange(checked ? [...field.value, mode] : field.value.filter((other) => other !== mode))
                  }
                />
              ))}
            </div>
            {fieldState.error?.message !== undefined && (
              <p className="text-sm font-medium text-red-700">{fieldState.error.message}</p>
            )}
          </div>
        )}
      />
      <div className="space-y-2">
        {breaks.fields.map((pause, index) => (
          <div key={pause.id} className="flex flex-wrap items-end gap-3">
            <Field label="Break from" error={error(`${path}.breaks.${index}.start`)}>
              {(c) => <Input {...c} type="time" {...register(`${path}.breaks.${index}.start`)} />}
            </Field>
            <Field label="Break until" error={error(`${path}.breaks.${index}.end`)}>
              {(c) => <Input {...c} type="time" {...register(`${path}.breaks.${index}.end`)} />}
            </Field>
            <Button variant="ghost" size="sm" onClick={() => breaks.remove(index)}>
              Remove break
            </Button>
          </div>
        ))}
        {error(`${path}.breaks`) !== undefined && (
          <p className="text-sm font-medium text-red-700">{error(`${path}.breaks`)}</p>
        )}
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="sm" onClick={() => breaks.append({ start: "11:00", end: "11:15" })}>
          Add a break
        </Button>
        <Button variant="ghost" size="sm" onClick={onRemove}>
          Remove session
        </Button>
      </div>
    </fieldset>
  );
}
