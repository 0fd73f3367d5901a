import { sdkClient } from './engine';

/**
 * The job load of the history bench in its own process, as job workers run beside the web app in
 * production: `jobsPerSecond` instances of a one-service-task process created at a steady rate and
 * their jobs worked by the SDK job worker. Prints the jobs completed per second as JSON when done.
 *
 * `node --import tsx bench/job-load.ts <address> <jobsPerSecond> <seconds>`
 */
async function main(): Promise<void> {
  const [address, rate, seconds] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const client: any = sdkClient(address);
  const workerClient: any = sdkClient(address);
  let jobsDone = 0;
  const worker = workerClient.createJobWorker({
    jobType: 'bench-latency',
    jobTimeoutMs: 60_000,
    maxParallelJobs: 64,
    pollTimeoutMs: 10_000,
    jobHandler: (job: any) => {
      jobsDone++;
      return job.complete();
    },
  });
  await new Promise((r) => setTimeout(r, 200));
  process.stdout.write('started\n');
  const start = performance.now();
  const until = start + seconds * 1000;
  const inflight: Promise<unknown>[] = [];
  for (let n = 0; rate > 0 && performance.now() < until; n++) {
    const wait = start + (n * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      client.createProcessInstance({ processDefinitionId: 'bench-service-only', variables: { n } }),
    );
  }
  await Promise.all(inflight);
  await new Promise((r) => setTimeout(r, 500));
  worker.stop();
  process.stdout.write(`${JSON.stringify({ jobsPerSecond: jobsDone / seconds })}\n`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
