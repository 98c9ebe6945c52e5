import * as RadioGroupPrimitive from "@radix-ui/react-radio-group";
import { useId, type ReactNode } from "react";
import { cn } from "../cn";

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  options: RadioOption<T>[];
  value: T | undefined;
  onValueChange: (value: T) => void;
  error?: string;
  name?: string;
  className?: string;
}

/** One choice among a few, as large tappable cards; arrow keys move between them (Radix). */
export function RadioGroup<T extends string>({
  legend,
  options,
  value,
  onValueChange,
  error,
  name,
  className,
}: RadioGroupProps<T>) {
  const id = useId();
  return (
    <fieldset className={cn("space-y-2", className)} aria-describedby={error === undefined ? undefined : id + "-error"}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      <RadioGroupPrimitive.Root
        name={name}
        value={value}
        onValueChange={(next) => onValueChange(next as T)}
        className="grid gap-2 sm:grid-cols-2"
        aria-invalid={error !== undefined || undefined}
      >
        {options.map((option) => (
          <label
            key={option.value}
            htmlFor={id + "-" + option.value}
            className={cn(
              "flex min-h-11 cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3",
              "has-[[data-state=checked]]:border-teal-700 has-[[data-state=checked]]:bg-teal-50",
              option.disabled === true && "cursor-not-allowed opacity-60",
            )}
          >
            <RadioGroupPrimitive.Item
              id={id + "-" + option.value}
              value={option.value}
              disabled={option.disabled}
              className="mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full border-2 border-slate-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700 data-[state=checked]:border-teal-700"
            >
              <RadioGroupPrimitive.Indicator className="size-2.5 rounded-full bg-teal-700" />
            </RadioGroupPrimitive.Item>
            <span>
              <span className="block text-sm font-medium text-slate-900">{option.label}</span>
              {option.description !== undefined && (
                <span className="block text-sm text-slate-600">{option.description}</span>
              )}
            </span>
          </label>
        ))}
      </RadioGroupPrimitive.Root>
      {error !== undefined && (
        <p id={id + "-error"} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
