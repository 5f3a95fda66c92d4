// Synthesises the station's feedback sounds into assets/sounds/ (run: npx tsx scripts/make-sounds.ts).
// Distinct by pitch and rhythm so a packer tells them apart without looking, in a noisy hall:
// success = short rising pair, warning = two mid beeps, error = long low buzz, three pulses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLE_RATE = 22_050;

interface Tone {
  hz: number;
  ms: number;
  /** 0 = pure sine; higher adds odd harmonics, a harsher (more alarming) sound. */
  harsh?: number;
}
type Step = Tone | { silenceMs: number };

function render(steps: Step[], volume = 0.6): Int16Array {
  const samples: number[] = [];
  for (const step of steps) {
    if ('silenceMs' in step) {
      samples.push(...new Array<number>(Math.round((SAMPLE_RATE * step.silenceMs) / 1000)).fill(0));
      continue;
    }
    const count = Math.round((SAMPLE_RATE * step.ms) / 1000);
    const fade = Math.min(count / 2, SAMPLE_RATE * 0.005); // 5 ms ramps: no clicks
    for (let i = 0; i < count; i++) {
      const t = i / SAMPLE_RATE;
      let value = Math.sin(2 * Math.PI * step.hz * t);
      for (let h = 3; h <= 7; h += 2)
        value += ((step.harsh ?? 0) / h) * Math.sin(2 * Math.PI * step.hz * h * t);
      const envelope = Math.min(1, i / fade, (count - i) / fade);
      samples.push(value * envelope);
    }
  }
  const peak = Math.max(...samples.map(Math.abs), 1e-9);
  return Int16Array.from(samples, (s) => Math.round((s / peak) * volume * 32_767));
}

function wav(pcm: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.byteLength, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([header, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

const sounds: Record<string, Step[]> = {
  success: [{ hz: 1320, ms: 60 }, { silenceMs: 15 }, { hz: 1760, ms: 90 }],
  warning: [{ hz: 660, ms: 120, harsh: 0.3 }, { silenceMs: 80 }, { hz: 660, ms: 120, harsh: 0.3 }],
  error: [
    { hz: 196, ms: 160, harsh: 1 },
    { silenceMs: 50 },
    { hz: 196, ms: 160, harsh: 1 },
    { silenceMs: 50 },
    { hz: 196, ms: 220, harsh: 1 },
  ],
};

const folder = join(import.meta.dirname, '..', 'assets', 'sounds');
mkdirSync(folder, { recursive: true });
for (const [name, steps] of Object.entries(sounds)) {
  const file = join(folder, `${name}.wav`);
  writeFileSync(file, wav(render(steps)));
  console.log(`wrote ${file}`);
}
