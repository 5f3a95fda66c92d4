// What the packer last heard and saw: one message at a time, with its tone. Messages are kept as
// i18n keys with values, so switching language re-renders them; `seq` tells a repeat of the same
// message from the previous one (the banner flashes again, the benchmark waits for it).
//
// A message belongs to the screen that raised it: when the packer moves to another screen it is
// gone. Only a message that announces the move itself ("Order #1001", "Signed out") is raised with
// `carry` and shows on the screen the move leads to.
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
  /** The screen it was raised on; null while it is carried to the next screen. */
  screen: string | null;
}

export interface FeedbackOptions {
  /** The message announces a move to another screen: show it there. */
  carry?: boolean;
}

interface FeedbackState {
  current: Feedback | null;
  /** The screen on show (see home-screen.tsx). */
  screen: string;
  seq: number;
  give(tone: FeedbackTone, key: string, values?: FeedbackValues, options?: FeedbackOptions): void;
  clear(): void;
  showScreen(screen: string): void;
}

export const useFeedback = create<FeedbackState>((set, get) => ({
  current: null,
  screen: '',
  seq: 0,
  give(tone, key, values = {}, options = {}) {
    playTone(tone);
    const seq = get().seq + 1;
    const screen = options.carry ? null : get().screen;
    set({ seq, current: { tone, key, values, seq, screen } });
  },
  clear: () => set({ current: null }),
  showScreen(screen) {
    const { current } = get();
    if (screen === get().screen) return;
    const carried = current?.screen === null ? { ...current, screen } : null;
    set({ screen, current: carried });
  },
}));

/** Shorthands for screens. */
export const feedback = {
  success: (key: string, values?: FeedbackValues, options?: FeedbackOptions) =>
    useFeedback.getState().give('success', key, values, options),
  warning: (key: string, values?: FeedbackValues, options?: FeedbackOptions) =>
    useFeedback.getState().give('warning', key, values, options),
  error: (key: string, values?: FeedbackValues, options?: FeedbackOptions) =>
    useFeedback.getState().give('error', key, values, options),
};
