import * as SelectPrimitive from "@radix-ui/react-select";
import type { ReactNode } from "react";

export interface SelectProps<T extends string> {
  /** The accessible name of the control (its visible label should say the same). */
  label: string;
  value: T;
  onValueChange: (value: T) => void;
  options: { value: T; label: ReactNode }[];
  id?: string;
}

/** A compact custom select (Radix) for short lists, such as the language switcher. */
export function Select<T extends string>({ label, value, onValueChange, options, id }: SelectProps<T>) {
  return (
    <SelectPrimitive.Root value={value} onValueChange={(next) => onValueChange(next as T)}>
      <SelectPrimitive.Trigger
        id={id}
        aria-label={label}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
      >
        <SelectPrimitive.Value />
        <SelectPrimitive.Icon aria-hidden="true">▾</SelectPrimitive.Icon>
      </SelectPrimitive.Trigger>
      <SelectPrimitive.Portal>
        <SelectPrimitive.Content
          position="popper"
          sideOffset={4}
          className="z-50 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <SelectPrimitive.Viewport>
            {options.map((option) => (
              <SelectPrimitive.Item
                key={option.value}
                value={option.value}
                className="flex min-h-10 cursor-pointer items-center rounded px-3 text-sm text-slate-900 outline-none data-[highlighted]:bg-teal-50"
              >
                <SelectPrimitive.ItemText>{option.label}</SelectPrimitive.ItemText>
              </SelectPrimitive.Item>
            ))}
          </SelectPrimitive.Viewport>
        </SelectPrimitive.Content>
      </SelectPrimitive.Portal>
    </SelectPrimitive.Root>
  );
}
