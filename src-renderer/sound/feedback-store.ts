// What the packer last heard and saw: one message at a time, with its tone. Messages are kept as
// i18n keys with values, so switching language re-renders them; `seq` tells a repeat of the same
// message from the previous one (the banner flashes again, the benchmark waits for it).
import { create } from 'zustand';
import type { ReasonMessage } from '../../shared/reasons/reason';
import { playTone, type FeedbackTone } from './feedback-sounds';

/** A value is a text, a number, or a reason from another process (said in the language shown). */
export type FeedbackValues = Record<string, string | number | ReasonMessage>;

export interface Feedback {
  tone: FeedbackTone;
  key: string;
  values: FeedbackValues;
  seq: number;
}

interface FeedbackState {
  current: Feedback | null;
  give(tone: FeedbackTone, key: string, values?: FeedbackValues): void;
  clear(): void;
}

export const useFeedback = create<FeedbackState>((set, get) => ({
  current: null,
  give(tone, key, values = {}) {
    playTone(tone);
    set({ current: { tone, key, values, seq: (get().current?.seq ?? 0) + 1 } });
  },
  clear: () => set({ current: null }),
}));

/** Shorthands for screens. */
export const feedback = {
  success: (key: string, values?: FeedbackValues) =>
    useFeedback.getState().give('success', key, values),
  warning: (key: string, values?: FeedbackValues) =>
    useFeedback.getState().give('warning', key, values),
  error: (key: string, values?: FeedbackValues) =>
    useFeedback.getState().give('error', key, values),
};
