import type { ReactNode } from "react";
import { cn } from "../cn";

const tones = {
  info: "border-sky-300 bg-sky-50 text-sky-950",
  success: "border-teal-300 bg-teal-50 text-teal-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-300 bg-red-50 text-red-950",
} as const;

/**
 * A message in the page. Errors and warnings are announced at once (role="alert"); the rest when the
 * reader is free (role="status").
 */
export function Alert({
  tone = "info",
  title,
  children,
  className,
}: {
  tone?: keyof typeof tones;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      className={cn("rounded-lg border p-4 text-sm", tones[tone], className)}
    >
      {title !== undefined && <div className="font-semibold">{title}</div>}
      {children !== undefined && <div className={title === undefined ? undefined : "mt-1"}>{children}</div>}
    </div>
  );
}

export function Card({
  className,
  children,
  as = "div",
}: {
  className?: string;
  children: ReactNode;
  as?: "div" | "li" | "section" | "article";
}) {
  const Component = as;
  return (
    <Component className={cn("rounded-lg border border-slate-200 bg-white p-4 shadow-sm", className)}>
      {children}
    </Component>
  );
}

const badgeTones = {
  neutral: "bg-slate-100 text-slate-800",
  good: "bg-teal-100 text-teal-900",
  warn: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-900",
  info: "bg-sky-100 text-sky-900",
} as const;

export function Badge({ tone = "neutral", children }: { tone?: keyof typeof badgeTones; children: ReactNode }) {
  return (
    <span className={cn("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold", badgeTones[tone])}>
      {children}
    </span>
  );
}

/** A placeholder while content loads, so the page does not jump when it arrives. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200", className)} />;
}

export function Spinner({ label }: { label: string }) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-sm text-slate-700">
      <span
        aria-hidden="true"
        className="size-4 animate-spin rounded-full border-2 border-slate-300 border-t-teal-700"
      />
      {label}
    </span>
  );
}
