import { useEffect } from 'react';

/** Sets the document title while a page is shown. */
export function useTitle(title) {
  useEffect(() => { document.title = title; }, [title]);
}
