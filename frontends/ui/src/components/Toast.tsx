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
 * readers. Use {@link useToast} to show one.
 */
export function ToastProvider({ children, closeLabel }: { children: ReactNode; closeLabel: string }) {
  const [shown, setShown] = useState<Shown[]>([]);
  const show = useCallback((message: ToastMessage) => {
    setShown((current) => [...current.slice(-2), { ...message, id: Date.now() + Math.random() }]);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      <ToastPrimitive.Provider swipeDirection="right" duration={8000}>
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
              "flex items-start gap-3 rounded-lg border bg-white p-4 shadow-lg",
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
        <ToastPrimitive.Viewport className="fixed right-0 bottom-0 z-50 flex w-full max-w-sm flex-col gap-2 p-4 outline-none" />
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
