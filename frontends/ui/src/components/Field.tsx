import * as LabelPrimitive from "@radix-ui/react-label";
import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { cn } from "../cn";

const control =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 " +
  "placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-teal-700 " +
  "aria-[invalid=true]:border-red-700 disabled:bg-slate-100";

export const Input = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement>>(function Input(
  { className, ...rest },
  ref,
) {
  return <input ref={ref} className={cn(control, "min-h-11", className)} {...rest} />;
});

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement>>(function Textarea(
  { className, ...rest },
  ref,
) {
  return <textarea ref={ref} className={cn(control, className)} {...rest} />;
});

/** A native select: the most accessible choice on phones for long lists (filters). */
export const NativeSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(
  function NativeSelect({ className, ...rest }, ref) {
    return <select ref={ref} className={cn(control, "min-h-11", className)} {...rest} />;
  },
);

export function Label({ className, ...rest }: LabelPrimitive.LabelProps) {
  return <LabelPrimitive.Root className={cn("block text-sm font-medium text-slate-800", className)} {...rest} />;
}

export interface FieldProps {
  label: ReactNode;
  /** The message shown under the control when its value is refused. */
  error?: string;
  hint?: ReactNode;
  className?: string;
  /** Renders the control with the ids that tie it to its label, hint and error. */
  children: (control: { id: string; "aria-invalid": boolean; "aria-describedby": string | undefined }) => ReactNode;
}

/**
 * A label, a control, an optional hint and the control's error message, tied together for screen
 * readers (the error is announced with the control, and the control is marked invalid).
 */
export function Field({ label, error, hint, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint === undefined ? undefined : id + "-hint";
  const errorId = error === undefined ? undefined : id + "-error";
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("space-y-1", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-invalid": error !== undefined, "aria-describedby": describedBy })}
      {hint !== undefined && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
