import { describe, expect, it } from 'vitest';
import { FrameBatcher } from '../../src/live/frame-batcher';
import { ManualFrames } from '../support/manual-frames';

describe('FrameBatcher', () => {
  it('hands over each changed key once per frame however many updates arrived', () => {
    const frames = new ManualFrames();
    const flushed: string[][] = [];
    const batcher = new FrameBatcher<string>((keys) => flushed.push([...keys]), frames);

    for (let i = 0; i < 5000; i++) {
      batcher.mark(i % 2 === 0 ? 'AAPL' : 'MSFT');
    }

    expect(frames.requested).toBe(1);
    frames.frame();
    expect(flushed).toEqual([['AAPL', 'MSFT']]);
  });

  it('requests no frame when nothing changed', () => {
    const frames = new ManualFrames();
    const batcher = new FrameBatcher<string>(() => undefined, frames);
    batcher.mark('AAPL');
    frames.frame();
    frames.frame();

    expect(frames.requested).toBe(1);
    expect(batcher.pendingCount).toBe(0);
  });

  it('puts keys marked during a flush into the next frame', () => {
    const frames = new ManualFrames();
    const flushed: string[][] = [];
    let again = true;
    const batcher = new FrameBatcher<string>((keys) => {
      flushed.push([...keys]);
      if (again) {
        again = false;
        batcher.mark('LATE');
      }
    }, frames);

    batcher.mark('AAPL');
    frames.frame();
    frames.frame();

    expect(flushed).toEqual([['AAPL'], ['LATE']]);
  });

  it('keeps changes while frames do not run (hidden tab) and delivers them together', () => {
    const frames = new ManualFrames();
    const flushed: string[][] = [];
    const batcher = new FrameBatcher<string>((keys) => flushed.push([...keys].sort()), frames);
    for (const symbol of ['C', 'A', 'B', 'A', 'C']) {
      batcher.mark(symbol);
    }

    expect(batcher.pendingCount).toBe(3);
    frames.frame();
    expect(flushed).toEqual([['A', 'B', 'C']]);
  });

  it('drops pending work on dispose', () => {
    const frames = new ManualFrames();
    let calls = 0;
    const batcher = new FrameBatcher<string>(() => calls++, frames);
    batcher.mark('AAPL');
    batcher.dispose();
    frames.frame();

    expect(calls).toBe(0);
    expect(frames.pending).toBe(0);
  });
});

describe('FrameBatcher with a minimum interval', () => {
  it('renders in a frame at least the interval after the previous render, with everything marked meanwhile', () => {
    const frames = new ManualFrames();
    const flushed: { time: number; keys: string[] }[] = [];
    const batcher = new FrameBatcher<string>((keys, time) => flushed.push({ time, keys: [...keys] }), frames, 100);

    batcher.mark('AAPL');
    frames.frame(1000);
    batcher.mark('MSFT');
    frames.frame(1016);
    batcher.mark('AAPL');
    frames.frame(1050);
    frames.frame(1100);

    expect(flushed).toEqual([
      { time: 1000, keys: ['AAPL'] },
      { time: 1100, keys: ['MSFT', 'AAPL'] },
    ]);
    expect(frames.pending).toBe(0);
  });
});
