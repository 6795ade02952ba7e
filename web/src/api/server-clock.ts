/**
 * Weir's clock as the browser sees it. A duration of a run that has not ended is "Weir's now − the
 * run's start", so two figures of one run agree only if both use the same now. Counting on from each
 * answer's own arrival did not: the server reads its clock before it answers, and the time the
 * answer spends in flight differs per request, so an overview row and its history showed one run 2 s
 * apart on a busy machine. Every API answer carries the server's time of sending
 * (SERVER_TIME_HEADER in the contract); the offset comes from the answer with the shortest round trip among the
 * recent ones, which bounds its error by half that trip and is the same for every figure on screen.
 */
export interface ClockSample {
  /** The client's clock when the request left. */
  sentAt: number;
  /** The server's clock when it sent the answer. */
  serverTime: number;
  /** The client's clock when the answer arrived. */
  receivedAt: number;
}

/** How many recent answers the estimate chooses from: enough to ride out a slow one, few enough to follow a clock that was set. */
const RECENT_SAMPLES = 16;

/** server time − client time, from the sample with the shortest round trip (its midpoint); 0 without any. */
export function clockOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | undefined;
  for (const sample of samples) {
    if (!best || sample.receivedAt - sample.sentAt < best.receivedAt - best.sentAt) best = sample;
  }
  return best ? best.serverTime - (best.sentAt + best.receivedAt) / 2 : 0;
}

export class ServerClock {
  private samples: ClockSample[] = [];
  private offset = 0;

  /** Notes one answer; a sample that makes no sense (no header, negative trip) is left out. */
  note(sample: ClockSample): void {
    if (!Number.isFinite(sample.serverTime) || sample.serverTime <= 0 || sample.receivedAt < sample.sentAt) return;
    this.samples.push(sample);
    if (this.samples.length > RECENT_SAMPLES) this.samples.shift();
    this.offset = clockOffset(this.samples);
  }

  /** Weir's now, estimated from the client's. */
  now(clientNow: number = Date.now()): number {
    return Math.round(clientNow + this.offset);
  }
}

export const serverClock = new ServerClock();
