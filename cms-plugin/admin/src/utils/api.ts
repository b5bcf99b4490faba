import { isFetchError } from '@strapi/strapi/admin';
import * as React from 'react';
import type { AdminFieldError } from '../../../shared/contracts/admin-pages.ts';
import type { ApiErrorBody } from '../../../shared/contracts/errors.ts';

export type Loaded<T> = {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
};

/** What a refused request said: its message and every wrong field. */
export function apiErrors(error: unknown): { message: string; fields: AdminFieldError[] } {
  if (isFetchError(error)) {
    // Every plugin route refuses with an ApiError; its fields may carry a template position.
    const answer = (error.response?.data as Partial<ApiErrorBody> | undefined)?.error;
    const fields = (answer?.details.errors ?? []) as AdminFieldError[];
    return { message: answer?.message ?? error.message, fields };
  }
  return { message: error instanceof Error ? error.message : String(error), fields: [] };
}

/** Loads once per change of `key` (null: nothing to load yet); `reload()` asks again. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = React.useState<{ data: T | null; error: string | null }>({
    data: null,
    error: null,
  });
  const [loading, setLoading] = React.useState(false);
  const [round, setRound] = React.useState(0);
  const loader = React.useRef(load);
  loader.current = load;

  React.useEffect(() => {
    if (key === null) {
      setState({ data: null, error: null });
      return;
    }
    let current = true;
    setLoading(true);
    loader
      .current()
      .then((data) => current && setState({ data, error: null }))
      .catch(
        (error: unknown) => current && setState({ data: null, error: apiErrors(error).message }),
      )
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [key, round]);

  return { ...state, loading, reload: () => setRound((value) => value + 1) };
}

/** A button's request: busy while it runs, and what a refusal said. */
export function useAction() {
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (failure) {
      setError(apiErrors(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
