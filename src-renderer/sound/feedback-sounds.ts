// The three sounds a packer learns by ear. Audio elements are made once and rewound on each play,
// so a burst of scans never waits for a file to load.
import errorUrl from '../../assets/sounds/error.wav';
import successUrl from '../../assets/sounds/success.wav';
import warningUrl from '../../assets/sounds/warning.wav';

export type FeedbackTone = 'success' | 'warning' | 'error';

const urls: Record<FeedbackTone, string> = {
  success: successUrl,
  warning: warningUrl,
  error: errorUrl,
};
const players = new Map<FeedbackTone, HTMLAudioElement>();

function player(tone: FeedbackTone): HTMLAudioElement {
  let audio = players.get(tone);
  if (!audio) {
    audio = new Audio(urls[tone]);
    audio.preload = 'auto';
    players.set(tone, audio);
  }
  return audio;
}

export function playTone(tone: FeedbackTone): void {
  for (const [other, audio] of players) if (other !== tone) audio.pause();
  const audio = player(tone);
  audio.currentTime = 0;
  // A browser may refuse sound before the first key press; the on-screen message still shows.
  void audio.play().catch(() => undefined);
}

/** Loads the files ahead of the first scan. */
export function preloadTones(): void {
  for (const tone of Object.keys(urls) as FeedbackTone[]) player(tone);
}
