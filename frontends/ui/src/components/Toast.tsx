import * as ToastPrimitive from "@radix-ui/react-toast";
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { cn } from "../cn";

export interface ToastMessage {
  title: ReactNode;
  description?: ReactNode;
  tone?: "info" | "success" | "error";
}

interface Shown extends ToastMessage {
  id: number;
}

const ToastContext = createContext<((message: ToastMessage) => void) | null>(null);

/**
 * Short notices that come and go (a live update, a saved change), announced politely to screen
 * readers. Use {@link useToast} to show one. Only the newest is shown: on a phone a stack of them
 * would cover the page's own buttons. On a phone it sits at the top, over the header rather than
 * the rows being worked on; and only the notice itself takes clicks, never the space around it.
 */
export function ToastProvider({
  children,
  closeLabel,
  label,
}: {
  children: ReactNode;
  closeLabel: string;
  /** Names the notices' region for screen readers, in the app's language. */
  label: string;
}) {
  const [shown, setShown] = useState<Shown[]>([]);
  const show = useCallback((message: ToastMessage) => {
    setShown([{ ...message, id: Date.now() + Math.random() }]);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider swipeDirection="right" duration={6000} label={label}>
        {children}
        {shown.map((toast) => (
          <ToastPrimitive.Root
            key={toast.id}
            onOpenChange={(open) => {
              if (!open) {
                setShown((current) => current.filter((other) => other.id !== toast.id));
              }
            }}
            className={cn(
              "pointer-events-auto flex items-start gap-3 rounded-lg border bg-white p-4 shadow-lg",
              toast.tone === "error"
                ? "border-red-300"
                : toast.tone === "success"
                  ? "border-teal-300"
                  : "border-slate-300",
            )}
          >
            <div className="flex-1">
              <ToastPrimitive.Title className="text-sm font-semibold text-slate-900">
                {toast.title}
              </ToastPrimitive.Title>
              {toast.description !== undefined && (
                <ToastPrimitive.Description className="mt-1 text-sm text-slate-700">
                  {toast.description}
                </ToastPrimitive.Description>
              )}
            </div>
            <ToastPrimitive.Close
              aria-label={closeLabel}
              className="rounded px-2 text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-teal-700"
            >
              ×
            </ToastPrimitive.Close>
          </ToastPrimitive.Root>
        ))}
        <ToastPrimitive.Viewport
          label={`${label} ({hotkey})`}
          className="pointer-events-none fixed top-0 right-0 z-50 flex w-full max-w-sm flex-col gap-2 p-2 outline-none sm:top-auto sm:bottom-0 sm:p-4"
        />
      </ToastPrimitive.Provider>
    </ToastContext.Provider>
  );
}

export function useToast(): (message: ToastMessage) => void {
  const show = useContext(ToastContext);
  if (show === null) {
    throw new Error("useToast needs a ToastProvider");
  }
  return show;
}
