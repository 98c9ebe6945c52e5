import { useEffect } from "react";

/** The document's title follows the page, so screen readers and tabs say where the patient is. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title + " · Illajwala";
  }, [title]);
}
