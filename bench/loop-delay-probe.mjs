// Preloaded into the server by bench/server.ts (node --import): the server's own event-loop delay
// (perf_hooks.monitorEventLoopDelay, 10 ms resolution). On SIGUSR2 it prints one line
// `loop-delay {"p50":…,"p99":…,"max":…}` (milliseconds since the previous signal) and starts over.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const line = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
  process.stdout.write(`loop-delay ${JSON.stringify(line)}\n`);
  histogram.reset();
});
